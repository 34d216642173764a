using System.Security.Cryptography;
using Athar.Core.Certificates;
using Athar.Data;
using Athar.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Certificates;

/// <summary>
/// The platform key that seals documents. Created once and kept in the database so every app node
/// seals and verifies alike; it never leaves the server.
/// </summary>
public sealed class DocumentSeal(IServiceScopeFactory scopes, TimeProvider clock)
{
    private const string KeyName = "document-seal-key";
    private byte[]? _key;

    public async Task<string> FingerprintAsync(DocumentKind kind, IEnumerable<string> values) =>
        DocumentFingerprint.Compute(await KeyAsync(), kind, values);

    private async Task<byte[]> KeyAsync()
    {
        if (_key is not null)
            return _key;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        var stored = await db.PlatformSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == KeyName);
        if (stored is null)
        {
            db.PlatformSettings.Add(new PlatformSetting { Key = KeyName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another node created it first; use theirs.
            }
            db.ChangeTracker.Clear();
            stored = await db.PlatformSettings.AsNoTracking().FirstAsync(s => s.Key == KeyName);
        }
        _key = Convert.FromBase64String(stored.Value);
        return _key;
    }
}
