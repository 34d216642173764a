using Athar.Core.Common;
using Athar.Core.Opportunities;

namespace Athar.Core.Tests.Opportunities;

public class OpportunityRulesTests
{
    // 10:00 in Riyadh on 23 November 2026.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static OpportunityInput Valid(Action<OpportunityInput>? change = null)
    {
        var input = new OpportunityInput
        {
            TitleAr = "  توزيع وجبات إفطار صائم ",
            TitleEn = "Iftar meals",
            DescriptionAr = "تجهيز الوجبات وتوزيعها.\nمع فريق الجمعية.",
            FieldId = 3,
            RegionId = 2,
            CityId = 202,
            StartDate = Today.AddDays(2),
            EndDate = Today.AddDays(5),
            Shifts =
            [
                new() { Date = Today.AddDays(2), StartTime = new TimeOnly(16, 0), EndTime = new TimeOnly(19, 0), Seats = 10 },
                new() { Date = Today.AddDays(2), StartTime = new TimeOnly(19, 0), EndTime = new TimeOnly(21, 0), Seats = 5 },
            ],
            MinimumAge = 16,
        };
        change?.Invoke(input);
        return input;
    }

    private static void AssertError(OpportunityInput input, string field, string code, IReadOnlyCollection<StoredShift>? stored = null)
    {
        var (valid, errors) = OpportunityRules.Validate(input, Now, stored);
        Assert.Null(valid);
        Assert.Contains(errors, e => e.Field == field && e.Code == code);
    }

    [Fact]
    public void Validate_WhenInputIsValid_ReturnsTrimmedTextAndShiftInstantsInUtc()
    {
        var (valid, errors) = OpportunityRules.Validate(Valid(), Now);

        Assert.Empty(errors);
        Assert.NotNull(valid);
        Assert.Equal("توزيع وجبات إفطار صائم", valid.Title.Ar);
        Assert.Equal(2, valid.Shifts.Count);
        // 16:00 Saudi time (UTC+3) is 13:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero), valid.Shifts[0].StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero), valid.Shifts[0].EndsAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_WhenArabicTitleIsMissing_RequiresIt(string? title) =>
        AssertError(Valid(i => i.TitleAr = title), "TitleAr", "Field.Required");

    [Fact]
    public void Validate_WhenArabicDescriptionIsMissing_RequiresIt() =>
        AssertError(Valid(i => i.DescriptionAr = null), "DescriptionAr", "Field.Required");

    [Theory]
    [InlineData("<b>عنوان</b>")]
    [InlineData("عنوان\u202e")]
    public void Validate_WhenTextHasMarkupOrControlCharacters_RefusesIt(string title) =>
        AssertError(Valid(i => i.TitleEn = title), "TitleEn", "Text.Unsafe");

    [Fact]
    public void Validate_WhenTitleIsTooLong_RefusesIt() =>
        AssertError(Valid(i => i.TitleAr = new string('ع', 201)), "TitleAr", "Text.TooLong");

    [Fact]
    public void Validate_WhenCityIsNotInTheRegion_RefusesIt() =>
        AssertError(Valid(i => i.CityId = 101), "CityId", "City.NotInRegion");

    [Fact]
    public void Validate_WhenFieldIsUnknown_RefusesIt() =>
        AssertError(Valid(i => i.FieldId = 999), "FieldId", "Opportunity.FieldUnknown");

    [Fact]
    public void Validate_WhenEndDateIsBeforeStartDate_RefusesIt() =>
        AssertError(Valid(i => i.EndDate = Today.AddDays(1)), "EndDate", "Opportunity.EndBeforeStart");

    [Fact]
    public void Validate_WhenEndDateIsTooFarAhead_RefusesIt() =>
        AssertError(Valid(i => i.EndDate = Today.AddYears(4)), "EndDate", "Opportunity.TooFarAhead");

    [Fact]
    public void Validate_WhenThereAreNoShifts_RequiresOne() =>
        AssertError(Valid(i => i.Shifts = []), "Shifts", "Opportunity.ShiftsRequired");

    [Fact]
    public void Validate_WhenAShiftIsOutsideTheDates_RefusesIt() =>
        AssertError(Valid(i => i.Shifts[1].Date = Today.AddDays(6)), "Shifts[1].Date", "Shift.OutsideDates");

    [Fact]
    public void Validate_WhenAShiftEndsBeforeItStarts_RefusesIt() =>
        AssertError(Valid(i => i.Shifts[0].EndTime = new TimeOnly(15, 0)), "Shifts[0].EndTime", "Shift.EndBeforeStart");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Validate_WhenSeatsAreOutOfRange_RefusesThem(int seats) =>
        AssertError(Valid(i => i.Shifts[0].Seats = seats), "Shifts[0].Seats", "Shift.SeatsRange");

    [Fact]
    public void Validate_WhenShiftsOverlapOnTheSameDay_RefusesTheLaterOne() =>
        AssertError(Valid(i => i.Shifts[1].StartTime = new TimeOnly(18, 0)), "Shifts[1].StartTime", "Shift.Overlaps");

    [Fact]
    public void Validate_WhenShiftsTouchEndToStart_AcceptsThem() =>
        Assert.Empty(OpportunityRules.Validate(Valid(), Now).Errors);

    [Fact]
    public void Validate_WhenANewShiftHasStarted_RefusesIt() =>
        AssertError(Valid(i =>
        {
            i.StartDate = Today;
            i.Shifts[0].Date = Today;
            i.Shifts[0].StartTime = new TimeOnly(9, 0);
            i.Shifts[0].EndTime = new TimeOnly(11, 0);
        }), "Shifts[0].Date", "Shift.InPast");

    [Fact]
    public void Validate_WhenAStoredShiftIsInThePastAndUnchanged_AcceptsIt()
    {
        var id = Guid.NewGuid();
        var input = Valid(i =>
        {
            i.StartDate = Today.AddDays(-1);
            i.Shifts[0] = new() { Id = id, Date = Today.AddDays(-1), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(11, 0), Seats = 4 };
        });
        var stored = new[] { new StoredShift(id, Today.AddDays(-1), new TimeOnly(9, 0), new TimeOnly(11, 0), 4, 4, true) };

        Assert.Empty(OpportunityRules.Validate(input, Now, stored).Errors);
    }

    [Fact]
    public void Validate_WhenAStoredShiftIsMovedIntoThePast_RefusesIt()
    {
        var id = Guid.NewGuid();
        var input = Valid(i =>
        {
            i.StartDate = Today.AddDays(-1);
            i.Shifts[0] = new() { Id = id, Date = Today.AddDays(-1), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(11, 0), Seats = 4 };
        });
        var stored = new[] { new StoredShift(id, Today.AddDays(2), new TimeOnly(9, 0), new TimeOnly(11, 0), 4, 0, false) };

        AssertError(input, "Shifts[0].Date", "Shift.InPast", stored);
    }

    [Fact]
    public void Validate_WhenAShiftIdIsNotTheOpportunitys_RefusesIt() =>
        AssertError(Valid(i => i.Shifts[0].Id = Guid.NewGuid()), "Shifts[0].Date", "Shift.Unknown");

    [Fact]
    public void Validate_WhenAShiftIdIsRepeated_RefusesTheSecond()
    {
        var id = Guid.NewGuid();
        var stored = new[] { new StoredShift(id, Today.AddDays(2), new TimeOnly(16, 0), new TimeOnly(19, 0), 10, 0, false) };

        AssertError(Valid(i => { i.Shifts[0].Id = id; i.Shifts[1].Id = id; }), "Shifts[1].Date", "Shift.Unknown", stored);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_WhenMinimumAgeIsOutOfRange_RefusesIt(int age) =>
        AssertError(Valid(i => i.MinimumAge = age), "MinimumAge", "Opportunity.MinimumAgeRange");

    [Fact]
    public void Validate_WhenEnumsAreUndefined_RefusesThem()
    {
        var (_, errors) = OpportunityRules.Validate(Valid(i =>
        {
            i.Gender = (GenderRequirement)7;
            i.RequiredLicense = (LicenseRequirement)9;
            i.Type = 0;
        }), Now);

        Assert.Equal(["Gender", "RequiredLicense", "Type"], errors.Select(e => e.Field).Order());
        Assert.All(errors, e => Assert.Equal("Binding.Invalid", e.Code));
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        var (_, errors) = OpportunityRules.Validate(new OpportunityInput(), Now);

        Assert.Equal(
            ["CityId", "DescriptionAr", "EndDate", "FieldId", "RegionId", "Shifts", "StartDate", "TitleAr"],
            errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(errors.Where(e => e.Field != "Shifts"), e => Assert.Equal("Field.Required", e.Code));
    }

    [Fact]
    public void ShiftTimes_ConvertSaudiLocalTimeToUtc()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 21, 30, 0, TimeSpan.Zero), ShiftTimes.ToInstant(new DateOnly(2027, 1, 1), new TimeOnly(0, 30)));
    }
}
