using Athar.Core.Training;

namespace Athar.Core.Tests.Training;

public class CourseRulesTests
{
    private static CourseInput Valid() => new()
    {
        TitleAr = "أساسيات العمل التطوعي", DescriptionAr = "دورة تمهيدية", DurationHours = 6, PassingScore = 70,
    };

    [Fact]
    public void Validate_AValidCourse_Passes()
    {
        var (valid, errors) = CourseRules.Validate(Valid());
        Assert.Empty(errors);
        Assert.Equal("أساسيات العمل التطوعي", valid!.Title.Ar);
    }

    [Fact]
    public void Validate_ReportsEveryFieldAtOnce()
    {
        var (valid, errors) = CourseRules.Validate(new CourseInput { DurationHours = 0, PassingScore = 101, TitleEn = "<b>x</b>" });
        Assert.Null(valid);
        Assert.Contains(errors, e => e is { Field: "TitleAr", Code: "Field.Required" });
        Assert.Contains(errors, e => e is { Field: "DescriptionAr", Code: "Field.Required" });
        Assert.Contains(errors, e => e is { Field: "TitleEn", Code: "Text.Unsafe" });
        Assert.Contains(errors, e => e is { Field: "DurationHours", Code: "Course.DurationRange" });
        Assert.Contains(errors, e => e is { Field: "PassingScore", Code: "Course.PassingScoreRange" });
    }

    [Fact]
    public void Validate_ACourseCannotRequireItself()
    {
        var id = Guid.NewGuid();
        var input = Valid();
        input.PrerequisiteIds = [id];
        Assert.Contains(CourseRules.Validate(input, id).Errors, e => e.Code == "Course.PrerequisiteSelf");
    }

    [Fact]
    public void ValidateSession_InThePastOrBackwards_IsRefused()
    {
        var now = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
        var past = new SessionInput { Date = new DateOnly(2026, 11, 22), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0), Seats = 10 };
        Assert.Contains(CourseRules.ValidateSession(past, now).Errors, e => e.Code == "Course.SessionInPast");
        var backwards = new SessionInput { Date = new DateOnly(2026, 12, 1), StartTime = new TimeOnly(12, 0), EndTime = new TimeOnly(9, 0), Seats = 10 };
        Assert.Contains(CourseRules.ValidateSession(backwards, now).Errors, e => e.Code == "Course.EndBeforeStart");
        var full = new SessionInput { Date = new DateOnly(2026, 12, 1), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0), Seats = 0 };
        Assert.Contains(CourseRules.ValidateSession(full, now).Errors, e => e.Code == "Course.SeatsRange");
    }

    [Fact]
    public void ValidateSession_StoresSaudiLocalTimesAsUtc()
    {
        var now = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
        var (valid, _) = CourseRules.ValidateSession(new SessionInput { Date = new DateOnly(2026, 12, 1), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0), Seats = 25 }, now);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), valid!.StartsAt);
    }
}
