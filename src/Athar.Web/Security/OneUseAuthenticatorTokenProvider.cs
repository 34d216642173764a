using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Athar.Data;
using Athar.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Security;

/// <summary>
/// Authenticator (RFC 6238) codes that sign in once. Identity's own provider accepts a code again and again for
/// 90 seconds either side; this one accepts a code of the current 30-second step or the one before (typing and
/// network delay), and only when its step is later than the last step accepted for the account. Claiming the step
/// is one conditional UPDATE, so two requests racing with the same code cannot both win.
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(AtharDbContext db) : IUserTwoFactorTokenProvider<AtharUser>
{
    public const int StepSeconds = 30;

    /// <summary>How many steps before the current one a code is still accepted for.</summary>
    public const int StepsBehind = 1;

    public Task<string> GenerateAsync(string purpose, UserManager<AtharUser> manager, AtharUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AtharUser> manager, AtharUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AtharUser> manager, AtharUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
            return false;
        // The phone computes codes from its own clock, so this compares with the real one, never a test's fake clock.
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        var secret = Base32Decode(key);
        for (var step = now; step >= now - StepsBehind; step--)
        {
            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
                continue;
            var matched = step;
            var claimed = await db.Users
                .Where(u => u.Id == user.Id && (u.LastAuthenticatorTimeStep == null || u.LastAuthenticatorTimeStep < matched))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorTimeStep, matched));
            return claimed == 1;
        }
        return false;
    }

    /// <summary>The six digits an authenticator app shows for a time step (HMAC-SHA1, dynamic truncation).</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; its use here is not for collision resistance.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Identity stores the key as RFC 4648 base32 (its decoder is internal).</summary>
    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
                continue;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
