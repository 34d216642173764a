namespace Athar.Core.Common;

/// <summary>
/// A platform secret and the short id that travels inside what it seals. The empty id is the key the platform
/// made for itself before key ids existed: what it sealed carries no id.
/// </summary>
public sealed record SigningKey(string Id, byte[] Secret)
{
    public const int MaxIdLength = 8;

    public bool IsUnnamed => Id.Length == 0;

    /// <summary>Lower-case letters and digits only, so an id can never contain the separator or need escaping in a URL.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9');
}

/// <summary>
/// The keys one purpose (document seals, check-in codes) may use: the current key seals, every key in the ring
/// verifies. Rotating adds a new current key and keeps the old one in the ring; retiring removes it, and what it
/// sealed stops verifying.
/// </summary>
public sealed class SigningKeyRing
{
    private readonly Dictionary<string, SigningKey> _byId;

    public SigningKeyRing(SigningKey current, IEnumerable<SigningKey> previous)
    {
        Current = current;
        _byId = new Dictionary<string, SigningKey>(StringComparer.Ordinal) { [current.Id] = current };
        foreach (var key in previous)
            if (!_byId.TryAdd(key.Id, key))
                throw new ArgumentException($"The key id '{key.Id}' is in the ring twice.", nameof(previous));
    }

    public SigningKey Current { get; }

    public IReadOnlyCollection<SigningKey> All => _byId.Values;

    /// <summary>The key a seal names, or null when that key is retired or never existed.</summary>
    public SigningKey? Find(string id) => _byId.GetValueOrDefault(id);
}

/// <summary>How a key id travels with a seal: <c>id.mac</c>; a bare mac was made under the unnamed key.</summary>
public static class KeyIdTag
{
    public const char Separator = '.';

    public static string Attach(SigningKey key, string mac) => key.IsUnnamed ? mac : key.Id + Separator + mac;

    public static (string KeyId, string Mac) Split(string sealedValue) =>
        sealedValue.IndexOf(Separator, StringComparison.Ordinal) is var at and >= 0
            ? (sealedValue[..at], sealedValue[(at + 1)..])
            : (string.Empty, sealedValue);
}
