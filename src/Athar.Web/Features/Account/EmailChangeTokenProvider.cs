using System.Globalization;
using System.Text;
using Athar.Data.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Athar.Web.Features.Account;

/// <summary>
/// Identity's change-email token, on the app's clock: Identity's own data-protection provider reads the system
/// clock, so neither a test nor a fake clock could prove that an old link is refused. The token names the account,
/// the purpose (which carries the new address) and the security stamp, so it is spent once the address has changed
/// (the change renews the stamp), and it lasts <see cref="Lifetime"/>.
/// </summary>
public sealed class EmailChangeTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<AtharUser>
{
    public const string Name = "AtharEmailChange";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector _protector = protection.CreateProtector("Athar.EmailChange.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<AtharUser> manager, AtharUser user)
    {
        var stamp = await manager.GetSecurityStampAsync(user);
        // The purpose goes last: an e-mail address may contain the separator.
        var payload = string.Join('|', clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), user.Id.ToString("N"), stamp, purpose);
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AtharUser> manager, AtharUser user)
    {
        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        var parts = payload.Split('|', 4);
        return parts.Length == 4
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued) < Lifetime
            && string.Equals(parts[1], user.Id.ToString("N"), StringComparison.Ordinal)
            && string.Equals(parts[2], await manager.GetSecurityStampAsync(user), StringComparison.Ordinal)
            && string.Equals(parts[3], purpose, StringComparison.Ordinal);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AtharUser> manager, AtharUser user) => Task.FromResult(false);
}
