using System.Collections.Concurrent;
using System.Security.Cryptography;
using Athar.Data;
using Athar.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Infrastructure;

/// <summary>
/// Named 256-bit secrets the platform makes for itself (the check-in code key, the document seal key).
/// Each is created once and kept in the database, so every app node issues and accepts the same codes;
/// none ever leaves the server.
/// </summary>
public sealed class PlatformKeys(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public async Task<byte[]> GetAsync(string name)
    {
        if (_keys.TryGetValue(name, out var cached))
            return cached;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        var stored = await db.PlatformSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == name);
        if (stored is null)
        {
            db.PlatformSettings.Add(new PlatformSetting { Key = name, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another node created it first; use theirs.
            }
            db.ChangeTracker.Clear();
            stored = await db.PlatformSettings.AsNoTracking().FirstAsync(s => s.Key == name);
        }
        return _keys.GetOrAdd(name, Convert.FromBase64String(stored.Value));
    }
}
