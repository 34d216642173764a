using Athar.Core.Common;
using Athar.Core.Localization;

namespace Athar.Core.Programs;

public enum ProgramStatus
{
    Draft = 1,
    Active = 2,
    Closed = 3,
}

/// <summary>What an owner submits to create or edit a program or an initiative: bilingual text, a period, optional targets.</summary>
public class PeriodInput
{
    public string? TitleAr { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionAr { get; set; }
    public string? DescriptionEn { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public long? TargetVolunteers { get; set; }
    public long? TargetOpportunities { get; set; }
    public long? TargetHours { get; set; }
    public long? TargetBeneficiaries { get; set; }
    public ProgramStatus Status { get; set; } = ProgramStatus.Draft;
}

/// <summary>A program adds tracks (محاور), one per line in each language.</summary>
public class ProgramInput : PeriodInput
{
    public List<TrackInput> Tracks { get; set; } = [];
}

public sealed class TrackInput
{
    public string? NameAr { get; set; }
    public string? NameEn { get; set; }
}

public sealed record ValidPeriod(LocalizedText Title, LocalizedText Description, DateOnly StartsOn, DateOnly EndsOn, IndicatorTargets Targets, ProgramStatus Status);

public static class ProgramRules
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int TrackMaxLength = 200;
    public const int MaxTracks = 12;
    public const int MaxYears = 10;
    public const long MaxTarget = 100_000_000;

    public static (ValidPeriod? Valid, IReadOnlyList<FieldError> Errors) Validate(PeriodInput input)
    {
        var errors = new List<FieldError>();
        var titleAr = Required(input.TitleAr, nameof(input.TitleAr), TitleMaxLength, errors);
        var titleEn = TextRules.CheckFreeText(input.TitleEn, nameof(input.TitleEn), errors, TitleMaxLength);
        var descriptionAr = Required(input.DescriptionAr, nameof(input.DescriptionAr), DescriptionMaxLength, errors);
        var descriptionEn = TextRules.CheckFreeText(input.DescriptionEn, nameof(input.DescriptionEn), errors, DescriptionMaxLength);
        if (input.StartsOn is null)
            errors.Add(new(nameof(input.StartsOn), "Field.Required"));
        if (input.EndsOn is null)
            errors.Add(new(nameof(input.EndsOn), "Field.Required"));
        if (input.StartsOn is { } start && input.EndsOn is { } end)
        {
            if (end < start)
                errors.Add(new(nameof(input.EndsOn), "Program.EndBeforeStart"));
            else if (end > start.AddYears(MaxYears))
                errors.Add(new(nameof(input.EndsOn), "Program.PeriodTooLong", MaxYears));
        }
        Target(input.TargetVolunteers, nameof(input.TargetVolunteers), errors);
        Target(input.TargetOpportunities, nameof(input.TargetOpportunities), errors);
        Target(input.TargetHours, nameof(input.TargetHours), errors);
        Target(input.TargetBeneficiaries, nameof(input.TargetBeneficiaries), errors);
        if (!Enum.IsDefined(input.Status))
            errors.Add(new(nameof(input.Status), "Binding.Invalid"));
        if (errors.Count > 0)
            return (null, errors);
        var targets = new IndicatorTargets(input.TargetVolunteers, input.TargetOpportunities, input.TargetHours, input.TargetBeneficiaries);
        return (new ValidPeriod(new LocalizedText(titleAr!, titleEn), new LocalizedText(descriptionAr!, descriptionEn), input.StartsOn!.Value, input.EndsOn!.Value, targets, input.Status), errors);
    }

    /// <summary>Tracks: blank rows are ignored; each kept row needs its Arabic name.</summary>
    public static (IReadOnlyList<LocalizedText> Tracks, IReadOnlyList<FieldError> Errors) ValidateTracks(IReadOnlyList<TrackInput> rows)
    {
        var errors = new List<FieldError>();
        var tracks = new List<LocalizedText>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (string.IsNullOrWhiteSpace(row.NameAr) && string.IsNullOrWhiteSpace(row.NameEn))
                continue;
            var prefix = $"Tracks[{i}].";
            var ar = Required(row.NameAr, prefix + nameof(row.NameAr), TrackMaxLength, errors);
            var en = TextRules.CheckFreeText(row.NameEn, prefix + nameof(row.NameEn), errors, TrackMaxLength);
            if (ar is not null)
                tracks.Add(new LocalizedText(ar, en));
        }
        if (tracks.Count > MaxTracks)
            errors.Add(new("Tracks", "Program.TooManyTracks", MaxTracks));
        return (tracks, errors);
    }

    /// <summary>
    /// Which opportunities may join a program: a platform program (no owner) takes any organisation's
    /// opportunity; an organisation's program only its own. A closed program takes none.
    /// </summary>
    public static bool Accepts(Guid? programOwnerId, ProgramStatus status, Guid opportunityOrganizationId) =>
        status != ProgramStatus.Closed && (programOwnerId is null || programOwnerId == opportunityOrganizationId);

    private static void Target(long? value, string field, List<FieldError> errors)
    {
        if (value is { } v && (v < 1 || v > MaxTarget))
            errors.Add(new(field, "Program.TargetRange", MaxTarget));
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
