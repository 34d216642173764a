using System.Security.Cryptography;
using Athar.Core.Attendance;
using Athar.Data;
using Athar.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Participation;

/// <summary>
/// The shift QR codes. The HMAC key is created once and kept in the database, so every app node
/// issues and accepts the same codes.
/// </summary>
public sealed class CheckInCodes(IServiceScopeFactory scopes, IOptions<HoursPolicy> policy, TimeProvider clock)
{
    private const string KeyName = "checkin-code-key";
    private ShiftCheckInCode? _codes;

    public async Task<string> IssueAsync(Guid shiftId) => (await CodesAsync()).Issue(shiftId, clock.GetUtcNow());

    public async Task<bool> IsValidAsync(Guid shiftId, string? code) => (await CodesAsync()).IsValid(shiftId, code, clock.GetUtcNow());

    public async Task<DateTimeOffset> ExpiresAtAsync() => (await CodesAsync()).ExpiresAt(clock.GetUtcNow());

    private async Task<ShiftCheckInCode> CodesAsync()
    {
        if (_codes is not null)
            return _codes;
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
        _codes = new ShiftCheckInCode(Convert.FromBase64String(stored.Value), TimeSpan.FromSeconds(policy.Value.CheckInCodeSeconds));
        return _codes;
    }
}
