using Athar.Core.Attendance;
using Athar.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Participation;

/// <summary>
/// The shift QR codes, under the check-in key ring (<c>Athar:Keys:CheckIn</c>, the same on every node): codes
/// carry the id of the key that made them, so a rotation does not break the codes on screen.
/// </summary>
public sealed class CheckInCodes(PlatformKeyRings rings, IOptions<HoursPolicy> policy, TimeProvider clock)
{
    private ShiftCheckInCode? _codes;

    public async Task<string> IssueAsync(Guid shiftId) => (await CodesAsync()).Issue(shiftId, clock.GetUtcNow());

    public async Task<bool> IsValidAsync(Guid shiftId, string? code) => (await CodesAsync()).IsValid(shiftId, code, clock.GetUtcNow());

    public async Task<DateTimeOffset> ExpiresAtAsync() => (await CodesAsync()).ExpiresAt(clock.GetUtcNow());

    private async Task<ShiftCheckInCode> CodesAsync() =>
        _codes ??= new ShiftCheckInCode(await rings.GetAsync(PlatformKeyRings.CheckIn), TimeSpan.FromSeconds(policy.Value.CheckInCodeSeconds));
}
