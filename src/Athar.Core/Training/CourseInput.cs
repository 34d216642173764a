using Athar.Core.Common;
using Athar.Core.Licensing;
using Athar.Core.Localization;
using Athar.Core.Opportunities;

namespace Athar.Core.Training;

/// <summary>What a course manager submits to create or edit a course, from the form or the API.</summary>
public sealed class CourseInput
{
    public string? TitleAr { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionAr { get; set; }
    public string? DescriptionEn { get; set; }
    public LicenseLevel Track { get; set; } = LicenseLevel.Practitioner;
    public CourseDelivery Delivery { get; set; } = CourseDelivery.Online;
    public decimal? DurationHours { get; set; }
    public int? PassingScore { get; set; }
    public List<Guid> PrerequisiteIds { get; set; } = [];
    public bool Publish { get; set; }
}

/// <summary>A course after validation.</summary>
public sealed record ValidCourse(
    LocalizedText Title,
    LocalizedText Description,
    LicenseLevel Track,
    CourseDelivery Delivery,
    decimal DurationHours,
    int PassingScore,
    IReadOnlyList<Guid> PrerequisiteIds,
    bool Publish);

/// <summary>A session of a course: Saudi local date and times, seats and a place (or a meeting note for online delivery).</summary>
public sealed class SessionInput
{
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public int? Seats { get; set; }
    public string? Location { get; set; }
}

public sealed record ValidSession(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Seats, string? Location);

public static class CourseRules
{
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 4000;
    public const decimal MaxDurationHours = 200;
    public const int MaxSeats = 5000;
    public const int MaxPrerequisites = 5;

    public static (ValidCourse? Valid, IReadOnlyList<FieldError> Errors) Validate(CourseInput input, Guid? courseId = null)
    {
        var errors = new List<FieldError>();
        var titleAr = Required(input.TitleAr, nameof(input.TitleAr), TitleMaxLength, errors);
        var titleEn = TextRules.CheckFreeText(input.TitleEn, nameof(input.TitleEn), errors, TitleMaxLength);
        var descriptionAr = Required(input.DescriptionAr, nameof(input.DescriptionAr), DescriptionMaxLength, errors);
        var descriptionEn = TextRules.CheckFreeText(input.DescriptionEn, nameof(input.DescriptionEn), errors, DescriptionMaxLength);
        if (!Enum.IsDefined(input.Track))
            errors.Add(new(nameof(input.Track), "Binding.Invalid"));
        if (!Enum.IsDefined(input.Delivery))
            errors.Add(new(nameof(input.Delivery), "Binding.Invalid"));
        if (input.DurationHours is not { } hours)
            errors.Add(new(nameof(input.DurationHours), "Field.Required"));
        else if (hours <= 0 || hours > MaxDurationHours || decimal.Round(hours, 1) != hours)
            errors.Add(new(nameof(input.DurationHours), "Course.DurationRange", MaxDurationHours));
        if (input.PassingScore is not { } score)
            errors.Add(new(nameof(input.PassingScore), "Field.Required"));
        else if (score is < 1 or > 100)
            errors.Add(new(nameof(input.PassingScore), "Course.PassingScoreRange"));
        var prerequisites = input.PrerequisiteIds.Distinct().ToList();
        if (courseId is { } id && prerequisites.Contains(id))
            errors.Add(new(nameof(input.PrerequisiteIds), "Course.PrerequisiteSelf"));
        if (prerequisites.Count > MaxPrerequisites)
            errors.Add(new(nameof(input.PrerequisiteIds), "Course.TooManyPrerequisites", MaxPrerequisites));

        if (errors.Count > 0)
            return (null, errors);
        return (new ValidCourse(new LocalizedText(titleAr!, titleEn), new LocalizedText(descriptionAr!, descriptionEn),
            input.Track, input.Delivery, input.DurationHours!.Value, input.PassingScore!.Value, prerequisites, input.Publish), errors);
    }

    public static (ValidSession? Valid, IReadOnlyList<FieldError> Errors) ValidateSession(SessionInput input, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (input.Date is null)
            errors.Add(new(nameof(input.Date), "Field.Required"));
        if (input.StartTime is null)
            errors.Add(new(nameof(input.StartTime), "Field.Required"));
        if (input.EndTime is null)
            errors.Add(new(nameof(input.EndTime), "Field.Required"));
        if (input.Seats is not { } seats)
            errors.Add(new(nameof(input.Seats), "Field.Required"));
        else if (seats is < 1 or > MaxSeats)
            errors.Add(new(nameof(input.Seats), "Course.SeatsRange", MaxSeats));
        var location = TextRules.CheckFreeText(input.Location, nameof(input.Location), errors, 300);
        if (errors.Count > 0)
            return (null, errors);

        var startsAt = ShiftTimes.ToInstant(input.Date!.Value, input.StartTime!.Value);
        var endsAt = ShiftTimes.ToInstant(input.Date!.Value, input.EndTime!.Value);
        if (endsAt <= startsAt)
            errors.Add(new(nameof(input.EndTime), "Course.EndBeforeStart"));
        else if (startsAt <= now)
            errors.Add(new(nameof(input.Date), "Course.SessionInPast"));
        return errors.Count > 0 ? (null, errors) : (new ValidSession(startsAt, endsAt, input.Seats!.Value, location), errors);
    }

    private static string? Required(string? value, string field, int max, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "Field.Required"));
            return null;
        }
        return TextRules.CheckFreeText(value, field, errors, max);
    }
}
