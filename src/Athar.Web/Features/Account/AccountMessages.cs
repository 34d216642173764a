using System.Text;
using Athar.Data.Accounts;
using Athar.Web.Infrastructure;
using Athar.Web.Infrastructure.Messaging;
using Athar.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Account;

/// <summary>Writes account e-mails and SMS into the outbox, each in the recipient's language.</summary>
public sealed class AccountMessages(UserManager<AtharUser> users, Outbox outbox, PublicUrls urls, IStringLocalizer<SharedResource> t)
{
    public async Task QueueEmailConfirmationAsync(AtharUser user)
    {
        var token = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = urls.Absolute($"/account/confirm-email?userId={user.Id}&code={token}");
        using var _ = CultureScope.For(user.PreferredLanguage);
        outbox.Email(user.Email!, t["Email.Confirm.Subject"], t["Email.Confirm.Body", user.FullNameAr, link], user.Id);
    }

    public async Task QueuePasswordResetAsync(AtharUser user)
    {
        var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = urls.Absolute($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={token}");
        using var _ = CultureScope.For(user.PreferredLanguage);
        outbox.Email(user.Email!, t["Email.Reset.Subject"], t["Email.Reset.Body", user.FullNameAr, link], user.Id);
    }

    /// <summary>Tells the owner their password was changed, with the way back in if it was not them.</summary>
    public void QueuePasswordChanged(AtharUser user)
    {
        var reset = urls.Absolute("/account/forgot-password");
        using var _ = CultureScope.For(user.PreferredLanguage);
        outbox.Email(user.Email!, t["Email.PasswordChanged.Subject"], t["Email.PasswordChanged.Body", user.FullNameAr, reset], user.Id);
    }

    /// <summary>The link that changes the address, sent to the new address only: whoever opens it controls that mailbox.</summary>
    public async Task QueueEmailChangeConfirmationAsync(AtharUser user, string newEmail)
    {
        var token = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var link = urls.Absolute($"/account/confirm-email-change?userId={user.Id}&email={Uri.EscapeDataString(newEmail)}&code={token}");
        using var _ = CultureScope.For(user.PreferredLanguage);
        outbox.Email(newEmail, t["Email.EmailChangeConfirm.Subject"], t["Email.EmailChangeConfirm.Body", user.FullNameAr, link], user.Id);
    }

    /// <summary>Tells the current address that a change was asked for, with the way back in if it was not them.</summary>
    public void QueueEmailChangeNotice(AtharUser user, string newEmail)
    {
        var reset = urls.Absolute("/account/forgot-password");
        using var _ = CultureScope.For(user.PreferredLanguage);
        outbox.Email(user.Email!, t["Email.EmailChangeNotice.Subject"], t["Email.EmailChangeNotice.Body", user.FullNameAr, newEmail, reset], user.Id);
    }

    /// <summary>Someone asked to move another account to this account's address: its owner learns it, the asker does not.</summary>
    public void QueueEmailChangeAttempt(AtharUser owner)
    {
        using var _ = CultureScope.For(owner.PreferredLanguage);
        outbox.Email(owner.Email!, t["Email.EmailChangeAttempt.Subject"], t["Email.EmailChangeAttempt.Body", owner.FullNameAr], owner.Id);
    }

    /// <summary>Someone registered with this account's national ID or e-mail: the owner learns it, the registrant does not.</summary>
    public void QueueRegistrationAttempt(AtharUser owner)
    {
        var signIn = urls.Absolute("/account/login");
        var reset = urls.Absolute("/account/forgot-password");
        using var _ = CultureScope.For(owner.PreferredLanguage);
        outbox.Email(owner.Email!, t["Email.RegistrationAttempt.Subject"], t["Email.RegistrationAttempt.Body", owner.FullNameAr, signIn, reset], owner.Id);
    }

    public void QueueGuardianRequest(string guardianMobile, string minorFirstName, string token, string code, string language)
    {
        var link = urls.Absolute($"/guardian/confirm?token={token}");
        using var _ = CultureScope.For(language);
        outbox.Sms(guardianMobile, t["Sms.Guardian.Body", minorFirstName, link, code]);
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
            return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
