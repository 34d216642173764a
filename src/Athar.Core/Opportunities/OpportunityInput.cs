using Athar.Core.Accounts;
using Athar.Core.Calendar;
using Athar.Core.Common;
using Athar.Core.Localization;
using Athar.Core.Reference;

namespace Athar.Core.Opportunities;

/// <summary>What organisation staff submit to create or edit an opportunity, from the form or the API.</summary>
public sealed class OpportunityInput
{
    public string? TitleAr { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionAr { get; set; }
    public string? DescriptionEn { get; set; }
    public int? FieldId { get; set; }
    public int? RegionId { get; set; }
    public int? CityId { get; set; }
    public string? Address { get; set; }
    public bool IsRemote { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public List<ShiftInput> Shifts { get; set; } = [];
    public GenderRequirement Gender { get; set; } = GenderRequirement.Any;
    public int? MinimumAge { get; set; }
    public bool AllowsMinors { get; set; }
    public string? RequiredSkills { get; set; }
    public LicenseRequirement RequiredLicense { get; set; } = LicenseRequirement.None;
    public VolunteeringType Type { get; set; } = VolunteeringType.General;
    public int? ExpectedBeneficiaries { get; set; }
    public bool AutoAccept { get; set; }
}

/// <summary>One shift: a Saudi local date with start and end times. An id names an existing shift when editing.</summary>
public sealed class ShiftInput
{
    public Guid? Id { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public int? Seats { get; set; }
}

/// <summary>The input after validation: trimmed text and complete shifts with their UTC instants.</summary>
public sealed record ValidOpportunity(
    LocalizedText Title,
    LocalizedText Description,
    int FieldId,
    int RegionId,
    int CityId,
    string? Address,
    bool IsRemote,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<ValidShift> Shifts,
    GenderRequirement Gender,
    int? MinimumAge,
    bool AllowsMinors,
    string? RequiredSkills,
    LicenseRequirement RequiredLicense,
    VolunteeringType Type,
    int? ExpectedBeneficiaries,
    bool AutoAccept);

public sealed record ValidShift(Guid? Id, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, int Seats)
{
    public DateTimeOffset StartsAt => ShiftTimes.ToInstant(Date, StartTime);
    public DateTimeOffset EndsAt => ShiftTimes.ToInstant(Date, EndTime);
}

/// <summary>Shift times are typed in Saudi local time and stored as UTC instants.</summary>
public static class ShiftTimes
{
    /// <summary>
    /// A shift starts and ends on its date, the end after the start (Saudi Arabia keeps no daylight saving), so it lasts
    /// under a day: a shift that has not ended started less than this ago. Queries for shifts not yet ended add that
    /// bound, so an index on the start reads the recent range instead of every past shift.
    /// </summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = DateTime.SpecifyKind(date.ToDateTime(time), DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, DualDate.SaudiTimeZone), TimeSpan.Zero);
    }
}

/// <summary>
/// The pure rules of an opportunity's content. Error codes are resource keys; field names follow the
/// input (shift errors are "Shifts[i].Field"). Rules that need the stored shifts (stranding accepted
/// volunteers) live in <see cref="ShiftChangeRules"/>.
/// </summary>
public static class OpportunityRules
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int AddressMaxLength = 300;
    public const int SkillsMaxLength = 500;
    public const int MaxShifts = 100;
    public const int MaxSeatsPerShift = 10_000;
    public const int MaxMinimumAge = 100;
    public const int MaxBeneficiaries = 10_000_000;

    /// <summary>How far ahead an opportunity may be planned (the Hijri calendar shown beside it ends in 2077 anyway).</summary>
    public const int MaxYearsAhead = 3;

    /// <param name="input">The submitted opportunity.</param>
    /// <param name="now">The current instant: new shifts must start after it.</param>
    /// <param name="stored">The opportunity's stored shifts (none when creating): only these may be named by id; a new or moved shift must lie in the future.</param>
    public static (ValidOpportunity? Valid, IReadOnlyList<FieldError> Errors) Validate(
        OpportunityInput input, DateTimeOffset now, IReadOnlyCollection<StoredShift>? stored = null)
    {
        var errors = new List<FieldError>();
        stored ??= [];

        var titleAr = RequiredText(input.TitleAr, nameof(input.TitleAr), TitleMaxLength, errors);
        var titleEn = TextRules.CheckFreeText(input.TitleEn, nameof(input.TitleEn), errors, TitleMaxLength);
        var descriptionAr = RequiredText(input.DescriptionAr, nameof(input.DescriptionAr), DescriptionMaxLength, errors);
        var descriptionEn = TextRules.CheckFreeText(input.DescriptionEn, nameof(input.DescriptionEn), errors, DescriptionMaxLength);
        var address = TextRules.CheckFreeText(input.Address, nameof(input.Address), errors, AddressMaxLength);
        var skills = TextRules.CheckFreeText(input.RequiredSkills, nameof(input.RequiredSkills), errors, SkillsMaxLength);

        if (input.FieldId is not { } fieldId)
            errors.Add(new(nameof(input.FieldId), "Field.Required"));
        else if (ReferenceData.Fields.All(f => f.Id != fieldId))
            errors.Add(new(nameof(input.FieldId), "Opportunity.FieldUnknown"));
        LocationRules.Check(input.RegionId, input.CityId, errors);

        if (!Enum.IsDefined(input.Gender))
            errors.Add(new(nameof(input.Gender), "Binding.Invalid"));
        if (!Enum.IsDefined(input.RequiredLicense))
            errors.Add(new(nameof(input.RequiredLicense), "Binding.Invalid"));
        if (!Enum.IsDefined(input.Type))
            errors.Add(new(nameof(input.Type), "Binding.Invalid"));
        if (input.MinimumAge is { } age && (age < 0 || age > MaxMinimumAge))
            errors.Add(new(nameof(input.MinimumAge), "Opportunity.MinimumAgeRange", MaxMinimumAge));
        if (input.ExpectedBeneficiaries is { } beneficiaries && (beneficiaries < 0 || beneficiaries > MaxBeneficiaries))
            errors.Add(new(nameof(input.ExpectedBeneficiaries), "Opportunity.BeneficiariesRange", MaxBeneficiaries));

        var today = DualDate.ToSaudiDate(now);
        var datesValid = true;
        if (input.StartDate is null)
        {
            errors.Add(new(nameof(input.StartDate), "Field.Required"));
            datesValid = false;
        }
        if (input.EndDate is not { } endDate)
        {
            errors.Add(new(nameof(input.EndDate), "Field.Required"));
            datesValid = false;
        }
        else if (input.StartDate is { } startDate && endDate < startDate)
        {
            errors.Add(new(nameof(input.EndDate), "Opportunity.EndBeforeStart"));
            datesValid = false;
        }
        else if (endDate > today.AddYears(MaxYearsAhead))
        {
            errors.Add(new(nameof(input.EndDate), "Opportunity.TooFarAhead", MaxYearsAhead));
            datesValid = false;
        }

        var shifts = ValidateShifts(input, now, stored, datesValid, errors);

        if (errors.Count > 0)
            return (null, errors);

        return (new ValidOpportunity(
            new LocalizedText(titleAr!, titleEn),
            new LocalizedText(descriptionAr!, descriptionEn),
            input.FieldId!.Value, input.RegionId!.Value, input.CityId!.Value, address, input.IsRemote,
            input.StartDate!.Value, input.EndDate!.Value, shifts, input.Gender, input.MinimumAge, input.AllowsMinors,
            skills, input.RequiredLicense, input.Type, input.ExpectedBeneficiaries, input.AutoAccept), errors);
    }

    private static List<ValidShift> ValidateShifts(OpportunityInput input, DateTimeOffset now, IReadOnlyCollection<StoredShift> stored, bool datesValid, List<FieldError> errors)
    {
        var shifts = new List<ValidShift>();
        var rows = new List<int>();
        var list = input.Shifts ?? [];
        if (list.Count == 0)
        {
            errors.Add(new(nameof(input.Shifts), "Opportunity.ShiftsRequired"));
            return shifts;
        }
        if (list.Count > MaxShifts)
        {
            errors.Add(new(nameof(input.Shifts), "Opportunity.TooManyShifts", MaxShifts));
            return shifts;
        }

        var seenIds = new HashSet<Guid>();
        for (var i = 0; i < list.Count; i++)
        {
            var shift = list[i];
            var prefix = $"{nameof(input.Shifts)}[{i}].";
            var count = errors.Count;
            if (shift is null)
            {
                errors.Add(new($"{prefix}{nameof(ShiftInput.Date)}", "Field.Required"));
                continue;
            }
            var original = shift.Id is { } id ? stored.FirstOrDefault(s => s.Id == id) : null;
            if (shift.Id is { } named && (original is null || !seenIds.Add(named)))
                errors.Add(new($"{prefix}{nameof(ShiftInput.Date)}", "Shift.Unknown"));

            if (shift.Date is not { } date)
                errors.Add(new($"{prefix}{nameof(ShiftInput.Date)}", "Field.Required"));
            else if (datesValid && (date < input.StartDate || date > input.EndDate))
                errors.Add(new($"{prefix}{nameof(ShiftInput.Date)}", "Shift.OutsideDates"));

            if (shift.StartTime is null)
                errors.Add(new($"{prefix}{nameof(ShiftInput.StartTime)}", "Field.Required"));
            if (shift.EndTime is not { } end)
                errors.Add(new($"{prefix}{nameof(ShiftInput.EndTime)}", "Field.Required"));
            else if (shift.StartTime is { } start && end <= start)
                errors.Add(new($"{prefix}{nameof(ShiftInput.EndTime)}", "Shift.EndBeforeStart"));

            if (shift.Seats is not { } seats)
                errors.Add(new($"{prefix}{nameof(ShiftInput.Seats)}", "Field.Required"));
            else if (seats < 1 || seats > MaxSeatsPerShift)
                errors.Add(new($"{prefix}{nameof(ShiftInput.Seats)}", "Shift.SeatsRange", MaxSeatsPerShift));

            if (errors.Count != count)
                continue;

            var valid = new ValidShift(shift.Id, shift.Date!.Value, shift.StartTime!.Value, shift.EndTime!.Value, shift.Seats!.Value);
            // Stored shifts may already lie in the past (an opportunity under way); a new or moved one may not.
            var moved = original is null || original.Date != valid.Date || original.StartTime != valid.StartTime || original.EndTime != valid.EndTime;
            if (moved && valid.StartsAt <= now)
            {
                errors.Add(new($"{prefix}{nameof(ShiftInput.Date)}", "Shift.InPast"));
                continue;
            }
            var overlapping = shifts.FindIndex(s => s.Date == valid.Date && s.StartTime < valid.EndTime && valid.StartTime < s.EndTime);
            if (overlapping >= 0)
            {
                errors.Add(new($"{prefix}{nameof(ShiftInput.StartTime)}", "Shift.Overlaps", rows[overlapping] + 1));
                continue;
            }
            shifts.Add(valid);
            rows.Add(i);
        }
        return shifts;
    }

    private static string? RequiredText(string? value, string field, int maxLength, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "Field.Required"));
            return null;
        }
        return TextRules.CheckFreeText(value, field, errors, maxLength);
    }
}
