using Athar.Web.Features.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Ideas;

/// <summary>One idea in the organisation's inbox: its admins decline it with a reason or adopt it as a draft opportunity.</summary>
[Authorize(Policy = Policies.OrganizationWork)]
public sealed class ReviewModel(OrganizationGate gate, IdeaQueries queries, DecideIdea decide, IStringLocalizer<IdeasText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    public IdeaQueries.IdeaRow Idea { get; private set; } = null!;
    public bool CanDecide { get; private set; }
    public string? Refusal { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid organizationId, Guid ideaId, CancellationToken cancellationToken) =>
        await LoadAsync(organizationId, ideaId, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostDeclineAsync(Guid organizationId, Guid ideaId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(organizationId, ideaId, cancellationToken) is not { } organization)
            return NotFound();
        if (!CanDecide)
            return Forbid();
        var outcome = await decide.DeclineAsync(organization, ideaId, Reason, User.RequiredUserId(), cancellationToken);
        return await AfterAsync(outcome, organizationId, ideaId, "Ideas.Declined", cancellationToken);
    }

    public async Task<IActionResult> OnPostAdoptAsync(Guid organizationId, Guid ideaId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(organizationId, ideaId, cancellationToken) is not { } organization)
            return NotFound();
        if (!CanDecide)
            return Forbid();
        var outcome = await decide.AdoptAsync(organization, ideaId, User.RequiredUserId(), cancellationToken);
        if (outcome.Succeeded)
            return Redirect($"/opportunities/{outcome.OpportunityId}/edit");
        return await AfterAsync(outcome, organizationId, ideaId, "Ideas.Adopted", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(DecideIdea.Outcome outcome, Guid organizationId, Guid ideaId, string done, CancellationToken cancellationToken)
    {
        if (outcome.NotFound)
            return NotFound();
        if (outcome.Succeeded)
        {
            TempData[IdeasText.StatusKey] = done;
            return Redirect($"/org/{organizationId}/ideas/{ideaId}");
        }
        ModelState.AddFieldErrors(outcome.Errors, t, shared, prefix: "");
        if (outcome.Refusal is { } refusal)
            Refusal = t[$"Refusal.{refusal.Code}"];
        await LoadAsync(organizationId, ideaId, cancellationToken);
        return Page();
    }

    private async Task<Data.Organizations.Organization?> LoadAsync(Guid organizationId, Guid ideaId, CancellationToken cancellationToken)
    {
        var (organization, access) = await gate.CheckAsync(User, organizationId, OrganizationOperations.View, cancellationToken);
        if (organization is null || access != OutcomeKind.Done || await queries.InInboxAsync(organization.Id, ideaId, cancellationToken) is not { } idea)
            return null;
        Idea = idea;
        CanDecide = await gate.CanAsync(User, organization, OrganizationOperations.Manage);
        return organization;
    }
}
