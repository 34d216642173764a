using Athar.Core.Opportunities;

namespace Athar.Core.Tests.Opportunities;

public class ShiftChangeRulesTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    private static StoredShift Stored(Guid id, int seats, int accepted, bool applied = false, int hour = 9) =>
        new(id, Day, new TimeOnly(hour, 0), new TimeOnly(hour + 3, 0), seats, accepted, applied || accepted > 0);

    private static ValidShift Proposed(Guid? id, int seats, int hour = 9, int dayOffset = 0) =>
        new(id, Day.AddDays(dayOffset), new TimeOnly(hour, 0), new TimeOnly(hour + 3, 0), seats);

    [Fact]
    public void Check_WhenNothingStrandsAnyone_AllowsAddingRaisingAndRemovingEmptyShifts()
    {
        var stored = new[] { Stored(First, 5, 2), Stored(Second, 5, 0, hour: 14) };

        Assert.Null(ShiftChangeRules.Check(stored, [Proposed(First, 8), Proposed(null, 3, 18)]));
    }

    [Fact]
    public void Check_WhenRemovingAShiftWithAcceptedVolunteers_Refuses()
    {
        var refusal = ShiftChangeRules.Check([Stored(First, 5, 2), Stored(Second, 5, 0, hour: 14)], [Proposed(Second, 5, 14)]);

        Assert.NotNull(refusal);
        Assert.Equal("shift-has-accepted-volunteers", refusal.Code);
        var error = Assert.Single(refusal.Errors!);
        Assert.Equal(("Shifts", "Shift.RemovedHasVolunteers"), (error.Field, error.Code));
        Assert.Equal([Day, 2], error.Arguments);
    }

    [Fact]
    public void Check_WhenCuttingSeatsBelowAccepted_RefusesAtThatRow()
    {
        var refusal = ShiftChangeRules.Check([Stored(First, 5, 0, hour: 14), Stored(Second, 5, 4)], [Proposed(First, 5, 14), Proposed(Second, 3)]);

        Assert.Equal("seats-below-accepted", refusal?.Code);
        Assert.Equal("Shifts[1].Seats", Assert.Single(refusal!.Errors!).Field);
    }

    [Fact]
    public void Check_WhenSeatsEqualAccepted_Allows() =>
        Assert.Null(ShiftChangeRules.Check([Stored(First, 5, 4)], [Proposed(First, 4)]));

    [Theory]
    [InlineData(10, 0)]
    [InlineData(9, 1)]
    public void Check_WhenMovingAShiftWithAcceptedVolunteers_Refuses(int hour, int dayOffset)
    {
        var refusal = ShiftChangeRules.Check([Stored(First, 5, 1)], [Proposed(First, 5, hour, dayOffset)]);

        Assert.Equal("shift-has-accepted-volunteers", refusal?.Code);
        Assert.Equal("Shifts[0].Date", Assert.Single(refusal!.Errors!).Field);
    }

    [Fact]
    public void Check_WhenMovingAShiftWithoutAcceptedVolunteers_Allows() =>
        Assert.Null(ShiftChangeRules.Check([Stored(First, 5, 0, applied: true)], [Proposed(First, 5, 10, 1)]));

    [Fact]
    public void Check_WhenRemovingAShiftWithOnlyApplications_RefusesSoTheirHistoryStays() =>
        Assert.Equal("shift-has-applications", ShiftChangeRules.Check([Stored(First, 5, 0, applied: true)], [Proposed(null, 5, 14)])?.Code);

    [Fact]
    public void Check_WhenSeveralThingsAreWrong_NamesTheMostSeriousAndListsThemAll()
    {
        var third = Guid.NewGuid();
        var stored = new[] { Stored(First, 5, 0, applied: true), Stored(Second, 5, 3, hour: 14), Stored(third, 5, 2, hour: 18) };

        var refusal = ShiftChangeRules.Check(stored, [Proposed(Second, 1, 14), Proposed(null, 2, 20)]);

        Assert.Equal("shift-has-accepted-volunteers", refusal?.Code);
        Assert.Equal(["Shift.RemovedHasApplications", "Shift.RemovedHasVolunteers", "Shift.SeatsBelowAccepted"], refusal!.Errors!.Select(e => e.Code).Order(StringComparer.Ordinal));
    }
}
