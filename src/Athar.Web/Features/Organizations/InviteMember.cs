using System.Globalization;
using System.Security.Claims;
using Athar.Core.Common;
using Athar.Core.Organizations;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Data.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Infrastructure.Messaging;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

/// <summary>Who to invite and as what, from the form or the API.</summary>
public sealed class InvitationInput
{
    /// <summary>An e-mail address or a Saudi mobile number.</summary>
    public string? Contact { get; set; }

    public OrganizationRole? Role { get; set; }
}

/// <summary>
/// An organisation's admin invites a person by e-mail or Saudi mobile as admin or supervisor. The link carries
/// a random token (only its hash is stored), goes out through the outbox with the invitation, and expires after
/// seven days. Admins may also withdraw an invitation nobody has accepted yet.
/// </summary>
public sealed class InviteMember(
    AtharDbContext db,
    OrganizationGate gate,
    UserManager<AtharUser> users,
    Outbox outbox,
    PublicUrls urls,
    OrganizationsMessages messages,
    Display display,
    TimeProvider clock)
{
    public static IReadOnlyList<FieldError> Check(InvitationInput input, out InvitationContact? contact)
    {
        var errors = new List<FieldError>();
        contact = InvitationRules.ParseContact(input.Contact, nameof(input.Contact), errors);
        if (input.Role is not (OrganizationRole.Admin or OrganizationRole.Supervisor))
            errors.Add(new(nameof(input.Role), "Field.Required"));
        return errors;
    }

    public async Task<Outcome> InviteAsync(ClaimsPrincipal user, Guid organizationId, InvitationInput input, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.Manage, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return Outcome.From(access);

        var errors = Check(input, out var contact);
        if (errors.Count > 0)
            return Outcome.Invalid(errors);

        var invitee = contact!.Channel == InvitationChannel.Email
            ? await users.FindByEmailAsync(contact.Value)
            : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.PhoneNumber == contact.Value, cancellationToken);
        if (invitee is not null && await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == invitee.Id, cancellationToken))
            return Outcome.Invalid([new(nameof(input.Contact), "Invitation.AlreadyMember")]);

        var now = clock.GetUtcNow();
        var (token, hash) = InvitationToken.Create();
        var invitation = new OrganizationInvitation
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Role = input.Role!.Value,
            Contact = contact.Value,
            TokenHash = hash,
            InvitedBy = user.RequiredUserId(),
            CreatedAt = now,
            ExpiresAt = now + InvitationRules.Lifetime,
        };
        db.OrganizationInvitations.Add(invitation);

        // In the invitee's language when they already have an account, else in the inviting admin's.
        var link = urls.Absolute($"/org/invitations/{token}");
        using (CultureScope.For(invitee?.PreferredLanguage ?? AtharCultures.Language(culture)))
        {
            var name = organization.Name.Current;
            var role = messages[$"OrgRole.{invitation.Role}"].Value;
            var expires = display.Date(invitation.ExpiresAt);
            if (contact.Channel == InvitationChannel.Email)
                outbox.Email(contact.Value, messages["Invitation.Email.Subject", name], messages["Invitation.Email.Body", name, role, link, expires], invitee?.Id);
            else
                outbox.Sms(contact.Value, messages["Invitation.Sms.Body", name, role, link], invitee?.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(invitation.Id);
    }

    public async Task<Outcome> RevokeAsync(ClaimsPrincipal user, Guid organizationId, Guid invitationId, CancellationToken cancellationToken = default)
    {
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.Manage, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return Outcome.From(access);
        var deleted = await db.OrganizationInvitations
            .Where(i => i.Id == invitationId && i.OrganizationId == organizationId && i.AcceptedAt == null)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Outcome.NotFound : Outcome.Done(invitationId);
    }
}
