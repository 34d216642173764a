using System.Buffers.Binary;
using System.Security.Cryptography;
using Athar.Core.Common;

namespace Athar.Core.Attendance;

/// <summary>
/// The code shown as a QR at the site. It is an HMAC of the shift id and a short time window, so it
/// cannot be forged, works for one shift only, and a photo of it stops working within minutes: it
/// cannot be replayed from home later. It names the key it was made with (<c>id.mac</c>), so a code
/// shown just before a key rotation still checks in under the previous key.
/// </summary>
public sealed class ShiftCheckInCode(SigningKeyRing keys, TimeSpan window)
{
    public TimeSpan Window { get; } = window;

    public string Issue(Guid shiftId, DateTimeOffset now) => KeyIdTag.Attach(keys.Current, Compute(keys.Current.Secret, shiftId, WindowIndex(now)));

    /// <summary>Accepts the current window and the one before it (a code scanned just as it rolls over).</summary>
    public bool IsValid(Guid shiftId, string? code, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
            return false;
        var (keyId, mac) = KeyIdTag.Split(code);
        if (keys.Find(keyId) is not { } key)
            return false;
        var index = WindowIndex(now);
        return FixedEquals(mac, Compute(key.Secret, shiftId, index)) || FixedEquals(mac, Compute(key.Secret, shiftId, index - 1));
    }

    public DateTimeOffset ExpiresAt(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds((WindowIndex(now) + 1) * (long)Window.TotalSeconds);

    private long WindowIndex(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)Window.TotalSeconds;

    private static string Compute(byte[] key, Guid shiftId, long windowIndex)
    {
        Span<byte> message = stackalloc byte[24];
        shiftId.TryWriteBytes(message);
        BinaryPrimitives.WriteInt64BigEndian(message[16..], windowIndex);
        var mac = HMACSHA256.HashData(key, message);
        return Convert.ToHexStringLower(mac.AsSpan(0, 12));
    }

    private static bool FixedEquals(string a, string b) =>
        a.Length == b.Length && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(a), System.Text.Encoding.ASCII.GetBytes(b));
}
