using System.Globalization;
using System.Text;
using Athar.Core.Accounts;
using Athar.Data.Accounts;
using Athar.Web.Features.Participation;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Account;

/// <summary>
/// Switches two-factor sign-in on (authenticator key shown as text and as a QR code drawn here, never by another
/// site; a right code from the app proves it was added) and off. Platform admins land here until it is on.
/// </summary>
[Authorize(Policy = Policies.SettingUpTwoFactor)]
public sealed class TwoFactorModel(UserManager<AtharUser> users, SignInManager<AtharUser> signIn, SessionTracker sessions, IStringLocalizer<TwoFactorText> t) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Enabled { get; private set; }

    public bool IsPlatformAdmin { get; private set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string QrCode { get; private set; } = string.Empty;

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, right after switching on.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user ? await ShowAsync(user) : NotFound();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return NotFound();
        var code = SignInLookup.CleanCode(Code);
        if (user.TwoFactorEnabled || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), t["Setup.WrongCode"]);
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        HttpContext.TwoFactorEnabled(user.Id);
        // The new security stamp ends the other sessions; their records end with them (ASVS 7.4.3).
        await sessions.EndOthersAsync(user.Id, SessionTracker.IdOf(User));
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        // The new claim (and security stamp) go into the cookie now, so admin pages open straight away.
        await signIn.RefreshSignInAsync(user);
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return NotFound();
        if (await users.IsInRoleAsync(user, Roles.PlatformAdmin))
        {
            ModelState.AddModelError(string.Empty, t["Setup.AdminCannotDisable"]);
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        HttpContext.TwoFactorDisabled(user.Id);
        await sessions.EndOthersAsync(user.Id, SessionTracker.IdOf(User));
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["TwoFactorStatus"] = "Setup.Disabled";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(AtharUser user)
    {
        Enabled = user.TwoFactorEnabled;
        IsPlatformAdmin = await users.IsInRoleAsync(user, Roles.PlatformAdmin);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return Page();
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }
        SharedKey = Grouped(key);
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? user.Id.ToString());
        QrCode = QrImage.DataUri(string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/Athar:{account}?secret={key}&issuer=Athar&digits=6"));
        return Page();
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
