using Athar.Core.Organizations;
using Athar.Data.Accounts;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Organizations;

/// <summary>
/// The page an invitation link opens. Signing in comes first (the fallback policy sends anonymous visitors to the
/// login page and back); then the person sees the organisation and the role, and accepts.
/// </summary>
[Authorize]
public sealed class InvitationModel(AcceptInvitation accept, OrganizationsMessages messages, UserManager<AtharUser> users, SignInManager<AtharUser> signIn) : PageModel
{
    public AcceptInvitation.Preview Invitation { get; private set; } = null!;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await accept.FindAsync(token, cancellationToken) is not { } invitation)
            return NotFound();
        Invitation = invitation;
        if (invitation.State != InvitationState.Open)
            Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var outcome = await accept.AcceptAsync(User.RequiredUserId(), token, cancellationToken);
        if (outcome.Kind == OutcomeKind.Done)
        {
            // The staff role was just granted: re-issue the cookie so the organisation's pages open at once.
            if (await users.GetUserAsync(User) is { } user)
                await signIn.RefreshSignInAsync(user);
            TempData["OrgMessage"] = "Invitation.Done";
            return LocalRedirect($"/org/{outcome.Id}");
        }
        if (await accept.FindAsync(token, cancellationToken) is not { } invitation)
            return NotFound();
        Invitation = invitation;
        Problem = messages.Describe(outcome);
        Response.StatusCode = OrganizationsEndpoints.StatusFor(outcome.Refusal?.Code ?? string.Empty);
        return Page();
    }
}
