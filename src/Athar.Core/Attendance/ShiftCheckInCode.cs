using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Athar.Core.Attendance;

/// <summary>
/// The code shown as a QR at the site. It is an HMAC of the shift id and a short time window, so it
/// cannot be forged, works for one shift only, and a photo of it stops working within minutes: it
/// cannot be replayed from home later.
/// </summary>
public sealed class ShiftCheckInCode(byte[] key, TimeSpan window)
{
    public TimeSpan Window { get; } = window;

    public string Issue(Guid shiftId, DateTimeOffset now) => Compute(shiftId, WindowIndex(now));

    /// <summary>Accepts the current window and the one before it (a code scanned just as it rolls over).</summary>
    public bool IsValid(Guid shiftId, string? code, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
            return false;
        var index = WindowIndex(now);
        return FixedEquals(code, Compute(shiftId, index)) || FixedEquals(code, Compute(shiftId, index - 1));
    }

    public DateTimeOffset ExpiresAt(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds((WindowIndex(now) + 1) * (long)Window.TotalSeconds);

    private long WindowIndex(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)Window.TotalSeconds;

    private string Compute(Guid shiftId, long windowIndex)
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
