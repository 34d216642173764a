using Microsoft.AspNetCore.Authorization;
using Athar.Core.Teams;
using Athar.Web.Features.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Teams;

/// <summary>The team page: members (names only), opportunities, verified team hours, achievements, and what the reader may do.</summary>
[Authorize]
public sealed class DetailsModel(TeamAccess access, TeamQueries queries, TeamMembership membership, ManageTeam manage, IStringLocalizer<TeamsText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    public TeamQueries.TeamDetails Details { get; private set; } = null!;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? LeaderEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostJoinAsync(Guid id, CancellationToken ct) => ActAsync(id, c => membership.RequestAsync(c, ct), "Status.Requested", ct);

    public Task<IActionResult> OnPostAcceptInvitationAsync(Guid id, CancellationToken ct) => ActAsync(id, c => membership.AnswerInvitationAsync(c, true, ct), "Status.Joined", ct);

    public Task<IActionResult> OnPostDeclineInvitationAsync(Guid id, CancellationToken ct) => ActAsync(id, c => membership.AnswerInvitationAsync(c, false, ct), "Status.Declined", ct);

    public Task<IActionResult> OnPostLeaveAsync(Guid id, CancellationToken ct) => ActAsync(id, c => membership.LeaveAsync(c, ct), "Status.Left", ct);

    public Task<IActionResult> OnPostAcceptRequestAsync(Guid id, Guid userId, CancellationToken ct) => ActAsync(id, c => membership.DecideRequestAsync(c, userId, true, ct), "Status.RequestAccepted", ct);

    public Task<IActionResult> OnPostDeclineRequestAsync(Guid id, Guid userId, CancellationToken ct) => ActAsync(id, c => membership.DecideRequestAsync(c, userId, false, ct), "Status.RequestDeclined", ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid userId, CancellationToken ct) => ActAsync(id, c => membership.RemoveAsync(c, userId, ct), "Status.Removed", ct);

    public Task<IActionResult> OnPostRoleAsync(Guid id, Guid userId, TeamRole role, CancellationToken ct) => ActAsync(id, c => membership.SetRoleAsync(c, userId, role, ct), "Status.RoleChanged", ct);

    public Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct) => ActAsync(id, c => membership.InviteAsync(c, Email, ct), "Status.Invited", ct);

    public Task<IActionResult> OnPostLeaderAsync(Guid id, CancellationToken ct) => ActAsync(id, c => manage.ChangeLeaderAsync(User, c, LeaderEmail, ct), "Status.LeaderChanged", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => ActAsync(id, c => manage.CloseAsync(c, ct), "Status.Closed", ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<TeamContext, Task<Outcome>> act, string done, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(User, id, cancellationToken) is not { } context)
            return NotFound();
        var outcome = await act(context);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["TeamsStatus"] = done;
                return LocalRedirect($"/teams/{id}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Invalid:
                foreach (var error in outcome.Refusal!.Errors!)
                    ModelState.AddModelError(error.Field, ApiProblems.Message(t, shared, error));
                break;
            default:
                ModelState.AddModelError(string.Empty, t[$"Refusal.{outcome.Refusal!.Code}"]);
                break;
        }
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(User, id, cancellationToken) is not { } context)
            return false;
        Details = await queries.DetailsAsync(context, cancellationToken);
        return true;
    }
}
