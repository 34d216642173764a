using System.Security.Claims;
using Athar.Core.Common;
using Athar.Core.Localization;
using Athar.Core.Programs;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Organizations;
using Athar.Data.Programs;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Programs;

/// <summary>An initiative as the form and the API take it: the shared period fields, the lead organisation (fixed once created) and the partners.</summary>
public sealed class InitiativeBody : PeriodInput
{
    public Guid? LeadOrganizationId { get; set; }
    public List<PartnerInput> Partners { get; set; } = [];
}

public sealed class PartnerInput
{
    public Guid? OrganizationId { get; set; }
    public PartnerRole Role { get; set; } = PartnerRole.CoOrganizer;
}

/// <summary>
/// Initiatives: led by one organisation with partners in roles. What is public: an active or closed
/// initiative's title, description, period, lead and partners. What is not: its indicators (the lead's and
/// partners' members and platform admins only) and drafts (its managers only); anyone else gets "not found".
/// The lead's admins (and platform admins) manage it; they and the partners' admins link opportunities of
/// the lead or a partner.
/// </summary>
public sealed class Initiatives(AtharDbContext db, ProgramAccess access, TimeProvider clock)
{
    public const int MaxPartners = 20;
    public const string NotFound = "not-found";
    public const string NotAPartner = "initiative-not-partner";

    public sealed record Partner(Guid OrganizationId, LocalizedText Name, PartnerRole Role);

    public sealed record Summary(Guid Id, LocalizedText Title, LocalizedText Lead, DateOnly StartsOn, DateOnly EndsOn, ProgramStatus Status, int Partners);

    public Task<bool> CanManageAsync(ClaimsPrincipal user, Initiative initiative, CancellationToken ct) => access.CanManageAsync(user, initiative.LeadOrganizationId, ct);

    /// <summary>Members (any role) of the lead or a partner, and platform admins: they see the indicators.</summary>
    public async Task<bool> IsInsiderAsync(ClaimsPrincipal user, Guid initiativeId, Guid leadId, CancellationToken ct)
    {
        if (ProgramAccess.IsPlatformAdmin(user))
            return true;
        if (user.UserId() is not { } userId)
            return false;
        var partners = db.InitiativePartners.Where(p => p.InitiativeId == initiativeId).Select(p => p.OrganizationId);
        return await db.OrganizationMembers.AnyAsync(m => m.UserId == userId && (m.OrganizationId == leadId || partners.Contains(m.OrganizationId)), ct);
    }

    public async Task<Initiative?> VisibleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var initiative = await db.Initiatives.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return initiative is not null && (initiative.Status != ProgramStatus.Draft || await CanManageAsync(user, initiative, ct)) ? initiative : null;
    }

    public async Task<Initiative?> ManagedAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var initiative = await db.Initiatives.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return initiative is not null && await CanManageAsync(user, initiative, ct) ? initiative : null;
    }

    public async Task<List<Summary>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var own = (await access.AdministeredAsync(user, ct)).Select(o => o.Id).ToList();
        var admin = ProgramAccess.IsPlatformAdmin(user);
        return await db.Initiatives.AsNoTracking()
            .Where(i => i.Status != ProgramStatus.Draft || admin || own.Contains(i.LeadOrganizationId))
            .OrderBy(i => i.Status).ThenByDescending(i => i.StartsOn)
            .Join(db.Organizations, i => i.LeadOrganizationId, o => o.Id, (i, o) => new Summary(i.Id, i.Title, o.Name, i.StartsOn, i.EndsOn, i.Status,
                db.InitiativePartners.Count(p => p.InitiativeId == i.Id)))
            .ToListAsync(ct);
    }

    public Task<List<Partner>> PartnersAsync(Guid id, CancellationToken ct) =>
        db.InitiativePartners.AsNoTracking().Where(p => p.InitiativeId == id)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new Partner(o.Id, o.Name, p.Role))
            .ToListAsync(ct);

    public Task<List<ProgramAccess.OwnOrganization>> VerifiedOrganizationsAsync(CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => o.Status == OrganizationStatus.Verified).OrderBy(o => o.Name.Ar)
            .Select(o => new ProgramAccess.OwnOrganization(o.Id, o.Name)).ToListAsync(ct);

    public async Task<(Guid? Id, IReadOnlyList<FieldError> Errors)> SaveAsync(Guid? id, InitiativeBody input, Guid leadId, Guid actorId, CancellationToken ct)
    {
        var (valid, errors) = ProgramRules.Validate(input);
        var partners = await PartnersOfAsync(input.Partners, leadId, ct);
        if (valid is null || partners.Errors.Count > 0)
            return (null, [.. errors, .. partners.Errors]);
        var now = clock.GetUtcNow();
        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            Initiative initiative;
            if (id is { } existing)
            {
                initiative = await db.Initiatives.FirstAsync(i => i.Id == existing, ct);
                await db.InitiativePartners.Where(p => p.InitiativeId == existing).ExecuteDeleteAsync(ct);
            }
            else
            {
                initiative = new Initiative { Id = Guid.CreateVersion7(now), LeadOrganizationId = leadId, Title = valid.Title, Description = valid.Description, CreatedBy = actorId, CreatedAt = now };
                db.Initiatives.Add(initiative);
            }
            (initiative.Title, initiative.Description, initiative.StartsOn, initiative.EndsOn, initiative.Status, initiative.Targets, initiative.UpdatedAt) =
                (valid.Title, valid.Description, valid.StartsOn, valid.EndsOn, valid.Status, valid.Targets, now);
            db.InitiativePartners.AddRange(partners.Rows.Select(p => new InitiativePartner { InitiativeId = initiative.Id, OrganizationId = p.OrganizationId, Role = p.Role, AddedAt = now }));
            await db.SaveChangesAsync(ct);
            return ((Guid?)initiative.Id, (IReadOnlyList<FieldError>)[]);
        }, ct);
    }

    /// <summary>Links an opportunity of the lead or a partner; the caller manages the initiative or administers the opportunity's organisation (a partner).</summary>
    public async Task<Refusal?> LinkAsync(ClaimsPrincipal user, Guid id, Guid opportunityId, bool link, CancellationToken ct)
    {
        var initiative = await VisibleAsync(user, id, ct);
        var owner = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => (Guid?)o.OrganizationId).FirstOrDefaultAsync(ct);
        if (initiative is null || owner is not { } organizationId
            || !await CanManageAsync(user, initiative, ct) && !await access.AdministersAsync(user, organizationId, ct))
            return new Refusal(NotFound);
        var isMember = organizationId == initiative.LeadOrganizationId || await db.InitiativePartners.AnyAsync(p => p.InitiativeId == id && p.OrganizationId == organizationId, ct);
        if (!isMember)
            return new Refusal(NotAPartner);
        if (!link)
        {
            await db.InitiativeOpportunities.Where(x => x.InitiativeId == id && x.OpportunityId == opportunityId).ExecuteDeleteAsync(ct);
            return null;
        }
        if (await db.InitiativeOpportunities.AnyAsync(x => x.InitiativeId == id && x.OpportunityId == opportunityId, ct))
            return null;
        db.InitiativeOpportunities.Add(new InitiativeOpportunity { InitiativeId = id, OpportunityId = opportunityId, LinkedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent identical link won the key: the link exists, which is what was asked.
            db.ChangeTracker.Clear();
        }
        return null;
    }

    private async Task<(List<(Guid OrganizationId, PartnerRole Role)> Rows, List<FieldError> Errors)> PartnersOfAsync(List<PartnerInput> input, Guid leadId, CancellationToken ct)
    {
        var rows = new List<(Guid, PartnerRole)>();
        var errors = new List<FieldError>();
        var ids = input.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).ToList();
        var verified = await db.Organizations.Where(o => ids.Contains(o.Id) && o.Status == OrganizationStatus.Verified).Select(o => o.Id).ToListAsync(ct);
        for (var i = 0; i < input.Count; i++)
        {
            if (input[i].OrganizationId is not { } orgId)
                continue;
            var field = $"Partners[{i}].OrganizationId";
            if (!verified.Contains(orgId) || !Enum.IsDefined(input[i].Role))
                errors.Add(new(field, "Binding.Invalid"));
            else if (orgId == leadId || rows.Any(r => r.Item1 == orgId))
                errors.Add(new(field, "Initiative.PartnerRepeated"));
            else
                rows.Add((orgId, input[i].Role));
        }
        if (rows.Count > MaxPartners)
            errors.Add(new("Partners", "Initiative.TooManyPartners", MaxPartners));
        return (rows, errors);
    }
}
