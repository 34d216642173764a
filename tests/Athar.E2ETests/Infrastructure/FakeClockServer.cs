using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Athar.E2ETests.Infrastructure;

/// <summary>
/// The app with a clock the test moves: journeys that need time to pass (a shift starting, hours
/// being worked) advance it instead of waiting. It starts at 08:00 Saudi time (05:00 UTC) on a fixed
/// day, so the demo data, dates and screenshots are the same on every run.
/// </summary>
public sealed class FakeClockServer : AtharServer
{
    public static readonly TimeSpan SaudiOffset = TimeSpan.FromHours(3);

    public static readonly DateTimeOffset Start = new(2026, 11, 24, 5, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The clock's day in Saudi Arabia, the day shifts are typed in.</summary>
    public DateOnly SaudiToday => DateOnly.FromDateTime(Clock.GetUtcNow().ToOffset(SaudiOffset).DateTime);

    /// <summary>Sets the clock to a Saudi wall-clock time on <see cref="SaudiToday"/>; time only moves forward.</summary>
    public void SetSaudiTime(TimeOnly time)
    {
        // FakeTimeProvider keeps the offset it is given, and the app stores instants as UTC (SQLite
        // compares them as binary-encoded numbers that include the offset): hand it UTC only.
        var target = new DateTimeOffset(SaudiToday.ToDateTime(time), SaudiOffset).ToUniversalTime();
        if (target < Clock.GetUtcNow())
            throw new InvalidOperationException($"The clock is already past {time:HH:mm} Saudi time.");
        Clock.SetUtcNow(target);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        // Sign-in cookies, data protection, the app's rules and its background jobs all read this clock.
        // The cookie's own 8 hours still apply: the journeys here move the clock by a few hours only.
        services.AddSingleton<TimeProvider>(Clock);
    }
}
