using Athar.Core.Calendar;
using Athar.Core.Common;
using Athar.Core.Opportunities;
using Athar.Core.Recognition;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Organizations;
using Athar.Data.Recognition;
using Athar.Web.Features.Opportunities;
using Athar.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Ideas;

/// <summary>
/// The organisation's decision on an idea addressed to it: decline with a reason, or adopt, which creates
/// one draft opportunity through the Opportunities feature's own <see cref="SaveOpportunity"/>. The status
/// change is conditional on the idea still being submitted, inside the transaction that creates the
/// opportunity, so two staff adopting at once make exactly one opportunity; the proposer is told either way.
/// </summary>
public sealed class DecideIdea(AtharDbContext db, SaveOpportunity opportunities, Notifier notifier, TimeProvider clock)
{
    /// <summary>How far ahead the draft's placeholder date lies: staff set the real dates before publishing.</summary>
    public const int DraftStartsInDays = 30;

    public sealed record Outcome(Refusal? Refusal, IReadOnlyList<FieldError> Errors, bool NotFound, Guid? OpportunityId = null)
    {
        public bool Succeeded => Refusal is null && Errors.Count == 0 && !NotFound;
    }

    public async Task<Outcome> DeclineAsync(Organization organization, Guid ideaId, string? reason, Guid actorId, CancellationToken cancellationToken)
    {
        if (await FindAsync(organization.Id, ideaId, cancellationToken) is not { } idea)
            return new Outcome(null, [], true);
        var (text, errors) = IdeaRules.ValidateReason(reason);
        if (text is null)
            return new Outcome(null, errors, false);
        if (!IdeaRules.CanDecide(idea.Status))
            return new Outcome(new Refusal(IdeaRules.AlreadyDecided), [], false);

        var now = clock.GetUtcNow();
        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            var changed = await db.Ideas
                .Where(i => i.Id == idea.Id && i.Status == IdeaStatus.Submitted)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, IdeaStatus.Declined)
                    .SetProperty(i => i.DeclineReason, text)
                    .SetProperty(i => i.DecidedAt, now)
                    .SetProperty(i => i.DecidedBy, actorId), cancellationToken);
            if (changed == 0)
            {
                await db.Database.RollbackTransactionAsync(cancellationToken);
                return new Outcome(new Refusal(IdeaRules.AlreadyDecided), [], false);
            }
            await notifier.NotifyAsync(idea.ProposerId, "IdeaDeclined", "/me/ideas", idea.Title, Notifier.Bilingual(organization.Name), text);
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(null, [], false);
        }, cancellationToken);
    }

    public async Task<Outcome> AdoptAsync(Organization organization, Guid ideaId, Guid actorId, CancellationToken cancellationToken)
    {
        if (await FindAsync(organization.Id, ideaId, cancellationToken) is not { } idea)
            return new Outcome(null, [], true);
        if (!IdeaRules.CanDecide(idea.Status))
            return new Outcome(new Refusal(IdeaRules.AlreadyDecided), [], false);

        var now = clock.GetUtcNow();
        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            // Claim the idea first: a concurrent adoption waits on this row and then finds it adopted.
            var claimed = await db.Ideas
                .Where(i => i.Id == idea.Id && i.Status == IdeaStatus.Submitted)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, IdeaStatus.Adopted)
                    .SetProperty(i => i.DecidedAt, now)
                    .SetProperty(i => i.DecidedBy, actorId), cancellationToken);
            if (claimed == 0)
            {
                await db.Database.RollbackTransactionAsync(cancellationToken);
                return new Outcome(new Refusal(IdeaRules.AlreadyDecided), [], false);
            }
            var created = await opportunities.CreateAsync(organization, DraftFrom(idea, now), cancellationToken);
            if (!created.Succeeded)
            {
                await db.Database.RollbackTransactionAsync(cancellationToken);
                return new Outcome(created.Refusal, created.Errors, false);
            }
            await db.Ideas.Where(i => i.Id == idea.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.OpportunityId, created.Id), cancellationToken);
            await notifier.NotifyAsync(idea.ProposerId, "IdeaAdopted", "/me/ideas", idea.Title, Notifier.Bilingual(organization.Name));
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(null, [], false, created.Id);
        }, cancellationToken);
    }

    /// <summary>
    /// The draft opportunity an idea becomes: its words, field, place and beneficiaries; a placeholder day
    /// and shift (the opportunity rules require one) that staff replace before publishing. An idea written
    /// without Arabic letters fills the English title and description too.
    /// </summary>
    public static OpportunityInput DraftFrom(Idea idea, DateTimeOffset now)
    {
        var english = !IdeaRules.HasArabic(idea.Title + idea.Description);
        var day = DualDate.ToSaudiDate(now).AddDays(DraftStartsInDays);
        return new OpportunityInput
        {
            TitleAr = idea.Title,
            TitleEn = english ? idea.Title : null,
            DescriptionAr = idea.Description,
            DescriptionEn = english ? idea.Description : null,
            FieldId = idea.FieldId,
            RegionId = idea.RegionId,
            CityId = idea.CityId,
            StartDate = day,
            EndDate = day,
            Shifts = [new ShiftInput { Date = day, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(13, 0), Seats = 10 }],
            ExpectedBeneficiaries = idea.ExpectedBeneficiaries,
        };
    }

    private Task<Idea?> FindAsync(Guid organizationId, Guid ideaId, CancellationToken cancellationToken) =>
        db.Ideas.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ideaId && i.OrganizationId == organizationId, cancellationToken);
}
