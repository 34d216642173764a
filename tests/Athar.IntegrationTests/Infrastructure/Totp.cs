using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Athar.IntegrationTests.Infrastructure;

/// <summary>
/// Authenticator codes as a phone app computes them (RFC 6238: HMAC-SHA1, 30-second steps, six digits) from the
/// base32 key Identity stores. Identity checks codes against the system clock, not the app's fake one.
/// Pure, so the browser tests link this file too.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null) => CodeAt(base32Key, Step(at));

    /// <summary>The 30-second step a moment falls in (now by default).</summary>
    public static long Step(DateTimeOffset? at = null) => (at ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds() / 30;

    /// <summary>
    /// How long a code of the previous step must still have before the app stops accepting it: the code travels
    /// through a form fill and a request on a loaded machine, and a step boundary crossed on the way makes the
    /// previous step's code two steps old, which the app refuses.
    /// </summary>
    private static readonly TimeSpan PreviousStepMargin = TimeSpan.FromSeconds(12);

    /// <summary>
    /// A step whose code the app has not accepted yet (each code signs in once) and will still accept when the
    /// code arrives: the previous step while the current one has time left (so the current one stays free for the
    /// next sign-in), otherwise the current step; when both are spent, waits for the next step, as a person would
    /// wait for the app to show a new code.
    /// </summary>
    public static async Task<long> UnusedStepAsync(long? lastAccepted)
    {
        while (true)
        {
            var clock = TimeProvider.System.GetUtcNow();
            var now = Step(clock);
            var untilNextStep = DateTimeOffset.FromUnixTimeSeconds((now + 1) * 30) - clock;
            var oldestSafe = untilNextStep > PreviousStepMargin ? now - 1 : now;
            var candidate = Math.Max(oldestSafe, (lastAccepted ?? long.MinValue / 2) + 1);
            if (candidate <= now)
                return candidate;
            var nextStepAt = DateTimeOffset.FromUnixTimeSeconds((now + 1) * 30);
            await Task.Delay((nextStepAt - TimeProvider.System.GetUtcNow()) + TimeSpan.FromMilliseconds(50));
        }
    }

    public static string CodeAt(string base32Key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this mirrors them, it protects nothing.
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
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
