using System.Globalization;
using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Organizations;

/// <summary>
/// An organisation's staff: everyone who may view the organisation sees who works for it; its admins also invite,
/// change roles and remove. Anyone else gets 404 for every id of this organisation.
/// </summary>
[Authorize]
public sealed class MembersModel(
    OrganizationGate gate,
    OrganizationQueries queries,
    InviteMember invite,
    ChangeMemberRole changeRole,
    RemoveMember remove,
    OrganizationsMessages messages) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<OrganizationQueries.MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<OrganizationQueries.InvitationRow> Invitations { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty]
    public InvitationInput Invite { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await invite.InviteAsync(User, id, Invite, CultureInfo.CurrentUICulture, cancellationToken), "Invite.Done", "Invite", cancellationToken);

    public async Task<IActionResult> OnPostRoleAsync(Guid id, Guid memberId, OrganizationRole? role, CancellationToken cancellationToken) =>
        await AfterAsync(id, await changeRole.ChangeAsync(User, id, memberId, role, cancellationToken), "Members.RoleChanged", string.Empty, cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid memberId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await remove.RemoveAsync(User, id, memberId, cancellationToken), "Members.Removed", string.Empty, cancellationToken);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid invitationId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await invite.RevokeAsync(User, id, invitationId, cancellationToken), "Invitations.Revoked", string.Empty, cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, Outcome outcome, string doneMessage, string prefix, CancellationToken cancellationToken)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["OrgMessage"] = doneMessage;
                return RedirectToPage(new { id });
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Invalid when prefix.Length > 0:
                messages.AddFieldErrors(ModelState, outcome.Refusal!.Errors!, prefix);
                break;
            default:
                ModelState.AddModelError(string.Empty, messages.Describe(outcome));
                break;
        }
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var (organization, access) = await gate.CheckAsync(User, id, OrganizationOperations.View, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return false;
        Organization = organization;
        CanManage = await gate.CanAsync(User, organization, OrganizationOperations.Manage);
        Members = await queries.MembersAsync(id, cancellationToken);
        Invitations = CanManage ? await queries.InvitationsAsync(id, cancellationToken) : [];
        return true;
    }
}
