using Athar.Core.Programs;

namespace Athar.Core.Tests.Programs;

public class ProgressArithmeticTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly End = new(2026, 12, 31);

    [Fact]
    public void Window_MidPeriod_CountsDaysFromTheStartInclusive_AndMirrorsThemBeforeTheStart()
    {
        var w = ProgressWindow.On(Start, End, new DateOnly(2026, 1, 10));

        Assert.Equal(365, w.TotalDays);
        Assert.Equal(10, w.ElapsedDays);
        Assert.Equal(new DateOnly(2026, 1, 10), w.CountedTo);
        Assert.Equal(new DateOnly(2025, 12, 22), w.PreviousFrom);
        Assert.Equal(new DateOnly(2025, 12, 31), w.PreviousTo);
    }

    [Fact]
    public void Window_BeforeTheStart_HasNothingElapsed_AndAfterTheEnd_IsComplete()
    {
        var before = ProgressWindow.On(Start, End, new DateOnly(2025, 12, 31));
        var after = ProgressWindow.On(Start, End, new DateOnly(2027, 3, 1));

        Assert.False(before.HasStarted);
        Assert.True(before.CountedTo < Start);
        Assert.Equal(365, after.ElapsedDays);
        Assert.Equal(End, after.CountedTo);
        Assert.Equal(new DateOnly(2025, 1, 1), after.PreviousFrom);
    }

    [Fact]
    public void Window_EndingBeforeItStarts_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ProgressWindow.On(End, Start, Start));

    [Theory]
    [InlineData(25, 100L, 25.00)]
    [InlineData(1, 3L, 33.33)]
    [InlineData(2, 3L, 66.67)]
    [InlineData(150, 100L, 150.00)]
    public void Percent_IsOfTheTarget_WithTwoDecimals(decimal actual, long target, decimal expected) =>
        Assert.Equal(expected, ProgressArithmetic.Percent(actual, target));

    [Fact]
    public void Percent_WithoutATarget_IsNull() => Assert.Null(ProgressArithmetic.Percent(10, null));

    [Fact]
    public void Project_ExtendsTheDailyPaceToTheWholePeriod()
    {
        // 73 days of 365 are a fifth: 1,000 hours so far project to 5,000.
        var w = ProgressWindow.On(Start, End, Start.AddDays(72));
        Assert.Equal(5000m, ProgressArithmetic.Project(1000m, w));
        // 7 of 365 days: 10 / 7 × 365 = 521.428… → 521.43.
        Assert.Equal(521.43m, ProgressArithmetic.Project(10m, ProgressWindow.On(Start, End, Start.AddDays(6))));
    }

    [Fact]
    public void Project_IsNullBeforeTheStart_AndTheActualAfterTheEnd()
    {
        Assert.Null(ProgressArithmetic.Project(0, ProgressWindow.On(Start, End, Start.AddDays(-1))));
        Assert.Equal(42m, ProgressArithmetic.Project(42m, ProgressWindow.On(Start, End, End.AddDays(30))));
    }

    [Fact]
    public void Lines_CombineTargetsGrowthAndProjection_PerIndicator()
    {
        var w = ProgressWindow.On(Start, End, Start.AddDays(72));
        var lines = ProgressArithmetic.Lines(new ScopeFigures(20, 4, 300m, 0), new ScopeFigures(16, 0, 400m, 50), new IndicatorTargets(Volunteers: 100, Hours: 1000), w)
            .ToDictionary(l => l.Indicator);

        var volunteers = lines[ProgressIndicator.UniqueVolunteers];
        Assert.Equal(20m, volunteers.Actual);
        Assert.Equal(20.00m, volunteers.Percent);
        Assert.Equal(25.0m, volunteers.Growth);
        Assert.Equal(100m, volunteers.Projected);
        Assert.True(volunteers.OnTrack);

        var hours = lines[ProgressIndicator.VerifiedHours];
        Assert.Equal(-25.0m, hours.Growth);
        Assert.Equal(1500m, hours.Projected);
        Assert.True(hours.OnTrack);

        // Growth from nothing is not a percentage; no target, no "on track".
        Assert.Null(lines[ProgressIndicator.Opportunities].Growth);
        Assert.Null(lines[ProgressIndicator.Opportunities].OnTrack);
        Assert.Equal(-100.0m, lines[ProgressIndicator.Beneficiaries].Growth);
    }

    [Fact]
    public void Lines_BelowThePace_AreBehind()
    {
        var w = ProgressWindow.On(Start, End, Start.AddDays(72));
        var line = ProgressArithmetic.Lines(new ScopeFigures(10, 0, 0, 0), ScopeFigures.Zero, new IndicatorTargets(Volunteers: 100), w)[0];
        Assert.Equal(50m, line.Projected);
        Assert.False(line.OnTrack);
    }
}
