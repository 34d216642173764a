using Athar.Core.Accounts;
using Athar.Core.Localization;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Data.Recognition;
using Athar.Web.Features.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Awards;

/// <summary>
/// The award for a signed-in person: organisation admins nominate and see their organisations' own
/// nominations; appointed judges see what they score; platform admins find the cycles.
/// </summary>
[Authorize]
public sealed class IndexModel(AtharDbContext db, OrganizationGate gate, Nominations nominations, AwardResults results, Judging judging,
    IStringLocalizer<AwardsText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    public sealed record OwnOrganization(Guid Id, LocalizedText Name, OrganizationType Type, IReadOnlyList<Nominations.Volunteer> Volunteers, IReadOnlyList<AwardResults.NomineeView> Nominations);

    public AwardCycle? OpenCycle { get; private set; }
    public IReadOnlyList<OwnOrganization> Organizations { get; private set; } = [];
    public IReadOnlyList<Judging.Assignment> Assignments { get; private set; } = [];
    public bool IsPlatformAdmin => User.IsInRole(Roles.PlatformAdmin);
    public string? Refusal { get; private set; }

    [BindProperty]
    public NominationInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostNominateAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        if (Input.OrganizationId is not { } organizationId)
            return NotFound();
        var (organization, access) = await gate.CheckAsync(User, organizationId, OrganizationOperations.Manage, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return NotFound();
        var outcome = await nominations.NominateAsync(cycleId, organization, Input, User.RequiredUserId(), cancellationToken);
        if (outcome.Id is not null)
        {
            TempData[AwardsText.StatusKey] = "Nominations.Saved";
            return Redirect("/awards");
        }
        ModelState.AddFieldErrors(outcome.Errors, t, shared);
        if (outcome.Refusal is { } refusal)
            Refusal = t[$"Refusal.{refusal.Code}"];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        OpenCycle = await nominations.OpenCycleAsync(cancellationToken);
        var own = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == OrganizationRole.Admin)
            .Join(db.Organizations.Where(o => o.Status == OrganizationStatus.Verified), m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name, o.Type })
            .ToListAsync(cancellationToken);
        var list = new List<OwnOrganization>();
        foreach (var o in own)
        {
            var made = (await results.Nominees(n => n.NominatorOrganizationId == o.Id).ToListAsync(cancellationToken)).OrderByDescending(n => n.CreatedAt).ToList();
            list.Add(new OwnOrganization(o.Id, o.Name, o.Type, await nominations.VolunteersOfAsync(o.Id, cancellationToken), made));
        }
        Organizations = list;
        Assignments = await judging.AssignmentsAsync(userId, cancellationToken);
    }
}
