using Microsoft.AspNetCore.Authorization;
using Athar.Core.Teams;
using Athar.Web.Features.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Teams;

/// <summary>The leader or a deputy picks a shift and members; the page then says what happened to each member.</summary>
[Authorize]
public sealed class ApplyModel(TeamAccess access, TeamQueries queries, ApplyAsTeam apply, IStringLocalizer<TeamsText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    public TeamQueries.TeamDetails Details { get; private set; } = null!;

    public IReadOnlyList<TeamQueries.ShiftChoice> Shifts { get; private set; } = [];

    public IReadOnlyList<ApplyAsTeam.MemberResult>? Results { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public Guid? ShiftId { get; set; }

    [BindProperty]
    public List<Guid> MemberIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) switch
    {
        null => NotFound(),
        false => Forbid(),
        true => Page(),
    };

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        switch (await LoadAsync(id, cancellationToken))
        {
            case null: return NotFound();
            case false: return Forbid();
        }
        if (ShiftId is not { } shiftId)
        {
            ModelState.AddModelError(nameof(ShiftId), t["Apply.ChooseShift"]);
            return Page();
        }
        var result = await apply.ApplyAsync(Details.Context, shiftId, MemberIds, cancellationToken);
        if (result.Outcome.Kind == OutcomeKind.Invalid)
        {
            foreach (var error in result.Outcome.Refusal!.Errors!)
                ModelState.AddModelError(error.Field, ApiProblems.Message(t, shared, error));
        }
        else if (result.Outcome.Kind != OutcomeKind.Done)
        {
            ModelState.AddModelError(string.Empty, t[$"Refusal.{result.Outcome.Refusal?.Code ?? "not-found"}"]);
        }
        Results = result.Outcome.Kind == OutcomeKind.Done ? result.Members : null;
        // Seats left changed with these applications.
        Shifts = await queries.OpenShiftsAsync(Q, cancellationToken);
        return Page();
    }

    /// <returns>null when the team is not visible, false when the reader does not run it.</returns>
    private async Task<bool?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(User, id, cancellationToken) is not { } context)
            return null;
        if (!context.RunsTeam)
            return false;
        Details = await queries.DetailsAsync(context, cancellationToken);
        if (Q is { Length: > 200 })
            Q = Q[..200];
        Shifts = await queries.OpenShiftsAsync(Q, cancellationToken);
        return true;
    }
}
