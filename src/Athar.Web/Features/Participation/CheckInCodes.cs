using Athar.Core.Attendance;
using Athar.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Participation;

/// <summary>
/// The shift QR codes, under the platform's check-in key (shared by every node through <see cref="PlatformKeys"/>).
/// </summary>
public sealed class CheckInCodes(PlatformKeys keys, IOptions<HoursPolicy> policy, TimeProvider clock)
{
    private const string KeyName = "checkin-code-key";
    private ShiftCheckInCode? _codes;

    public async Task<string> IssueAsync(Guid shiftId) => (await CodesAsync()).Issue(shiftId, clock.GetUtcNow());

    public async Task<bool> IsValidAsync(Guid shiftId, string? code) => (await CodesAsync()).IsValid(shiftId, code, clock.GetUtcNow());

    public async Task<DateTimeOffset> ExpiresAtAsync() => (await CodesAsync()).ExpiresAt(clock.GetUtcNow());

    private async Task<ShiftCheckInCode> CodesAsync() =>
        _codes ??= new ShiftCheckInCode(await keys.GetAsync(KeyName), TimeSpan.FromSeconds(policy.Value.CheckInCodeSeconds));
}
