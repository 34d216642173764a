using System.Collections.Concurrent;
using Athar.Core.Common;
using Microsoft.Extensions.Options;

namespace Athar.Web.Infrastructure;

/// <summary>A key given in configuration: its short id (lower-case letters and digits, at most 8) and 32+ random bytes in base64.</summary>
public sealed class ConfiguredKey
{
    public string Id { get; set; } = "";

    public string Secret { get; set; } = "";
}

/// <summary>
/// <c>Athar:Keys:&lt;purpose&gt;</c>: the key that seals now, the earlier keys that still verify (by id), and whether
/// the key the platform made for itself in the database (the unnamed key, which sealed everything made before key
/// ids) is retired. Unset, the unnamed key seals as it always did.
/// </summary>
public sealed class PlatformKeyRingOptions
{
    public ConfiguredKey? Current { get; set; }

    public Dictionary<string, string> Previous { get; set; } = new(StringComparer.Ordinal);

    public bool RetireStoredKey { get; set; }

    /// <summary>Every fault in the configuration of one ring, each naming its setting.</summary>
    public IEnumerable<string> Faults(string section)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, secret, setting) in Configured(section))
        {
            if (!SigningKey.IsValidId(id))
                yield return $"{setting}: the key id '{id}' must be 1 to {SigningKey.MaxIdLength} lower-case letters or digits.";
            else if (!ids.Add(id))
                yield return $"{setting}: the key id '{id}' is used twice.";
            if (Decode(secret) is not { Length: >= 32 })
                yield return $"{setting}: the secret must be at least 32 random bytes in base64 (openssl rand -base64 32).";
        }
        if (Current is null && RetireStoredKey)
            yield return $"{section}:RetireStoredKey: a ring without its stored key needs a current key ({section}:Current).";
    }

    public IEnumerable<SigningKey> PreviousKeys() =>
        Previous.Select(p => new SigningKey(p.Key, Convert.FromBase64String(p.Value)));

    private IEnumerable<(string Id, string Secret, string Setting)> Configured(string section)
    {
        if (Current is { } current)
            yield return (current.Id, current.Secret, $"{section}:Current");
        foreach (var (id, secret) in Previous)
            yield return (id, secret, $"{section}:Previous:{id}");
    }

    private static byte[]? Decode(string secret)
    {
        var bytes = new byte[secret.Length];
        return Convert.TryFromBase64String(secret, bytes, out var written) ? bytes[..written] : null;
    }
}

/// <summary>
/// The key rings of the platform's own seals (ASVS 11.1: keys can be rotated). Each purpose has the unnamed key
/// <see cref="PlatformKeys"/> keeps in the database (shared by every node, created by the first) plus the keys in
/// its configuration section, which must be the same on every node.
/// </summary>
public sealed class PlatformKeyRings(PlatformKeys stored, IOptionsMonitor<PlatformKeyRingOptions> options)
{
    public const string DocumentSeal = "DocumentSeal";
    public const string CheckIn = "CheckIn";

    private static readonly Dictionary<string, string> StoredKeyNames = new(StringComparer.Ordinal)
    {
        [DocumentSeal] = "document-seal-key",
        [CheckIn] = "checkin-code-key",
    };

    private readonly ConcurrentDictionary<string, SigningKeyRing> _rings = new(StringComparer.Ordinal);

    public static string Section(string purpose) => $"Athar:Keys:{purpose}";

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<PlatformKeyRings>();
        // A wrong key stops every node at start-up, naming the setting, rather than leaving seals unverifiable later.
        services.AddSingleton<IValidateOptions<PlatformKeyRingOptions>, Validator>();
        foreach (var purpose in StoredKeyNames.Keys)
            services.AddOptions<PlatformKeyRingOptions>(purpose).BindConfiguration(Section(purpose)).ValidateOnStart();
    }

    public async Task<SigningKeyRing> GetAsync(string purpose)
    {
        if (_rings.TryGetValue(purpose, out var ring))
            return ring;
        var configured = options.Get(purpose);
        var unnamed = configured.RetireStoredKey ? null : new SigningKey("", await stored.GetAsync(StoredKeyNames[purpose]));
        var previous = configured.PreviousKeys().ToList();
        SigningKey current;
        if (configured.Current is { } named)
        {
            current = new SigningKey(named.Id, Convert.FromBase64String(named.Secret));
            if (unnamed is not null)
                previous.Add(unnamed);
        }
        else
        {
            current = unnamed!;
        }
        return _rings.GetOrAdd(purpose, new SigningKeyRing(current, previous));
    }

    private sealed class Validator : IValidateOptions<PlatformKeyRingOptions>
    {
        public ValidateOptionsResult Validate(string? name, PlatformKeyRingOptions options) =>
            name is null || !StoredKeyNames.ContainsKey(name) ? ValidateOptionsResult.Skip
            : options.Faults(Section(name)).ToList() is { Count: > 0 } faults ? ValidateOptionsResult.Fail(faults)
            : ValidateOptionsResult.Success;
    }
}
