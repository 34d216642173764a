using System.Collections.Concurrent;
using System.Security.Cryptography;
using Athar.Data;
using Athar.Data.Platform;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Infrastructure;

/// <summary>
/// Named 256-bit secrets the platform makes for itself (the check-in code key, the document seal key).
/// Each is created once and kept in the database, so every app node issues and accepts the same codes;
/// none ever leaves the server. At rest each is sealed with ASP.NET Core Data Protection under its own purpose
/// (ASVS 11.x), so a copy of the table alone does not give the key away; the Data Protection key ring is itself
/// encrypted with a certificate when one is configured (<see cref="KeyRing"/>).
/// </summary>
public sealed class PlatformKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Marks a protected value. Keys written before protection are plain base64, which never holds a colon.</summary>
    public const string ProtectedPrefix = "dp:";

    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public async Task<byte[]> GetAsync(string name)
    {
        if (_keys.TryGetValue(name, out var cached))
            return cached;
        var protector = protection.CreateProtector("Athar.PlatformKeys", name);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        var stored = await StoredValueAsync(db, name);
        if (stored is null)
        {
            db.PlatformSettings.Add(new PlatformSetting { Key = name, Value = Protect(protector, RandomNumberGenerator.GetBytes(32)), CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another node created it first; use theirs.
            }
            db.ChangeTracker.Clear();
            stored = await StoredValueAsync(db, name) ?? throw new InvalidOperationException($"The platform key '{name}' was neither created nor found.");
        }
        var key = Unprotect(protector, name, stored);
        if (!stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal))
        {
            // A key stored in the clear before protection: same bytes, now sealed. Only the clear value read here is
            // replaced, so nodes upgrading at once each write a protected copy of the same key, never a different key.
            var upgraded = Protect(protector, key);
            await db.PlatformSettings.Where(s => s.Key == name && s.Value == stored)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, upgraded));
        }
        return _keys.GetOrAdd(name, key);
    }

    private static Task<string?> StoredValueAsync(AtharDbContext db, string name) =>
        db.PlatformSettings.AsNoTracking().Where(s => s.Key == name).Select(s => s.Value).FirstOrDefaultAsync();

    private static string Protect(IDataProtector protector, byte[] key) => ProtectedPrefix + Convert.ToBase64String(protector.Protect(key));

    private static byte[] Unprotect(IDataProtector protector, string name, string stored)
    {
        if (!stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal))
            return Convert.FromBase64String(stored);
        try
        {
            return protector.Unprotect(Convert.FromBase64String(stored[ProtectedPrefix.Length..]));
        }
        catch (CryptographicException e)
        {
            // Every seal and code made with this key depends on it: stop loudly rather than make a new one.
            throw new InvalidOperationException($"The platform key '{name}' cannot be read: the Data Protection key that protects it is missing " +
                $"from the key ring, or the certificate that encrypts the key ring ({KeyRing.Section}:Certificate) is not configured.", e);
        }
    }
}
