using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Common;
using Athar.Core.Identity;
using Athar.Core.Localization;
using Athar.Core.Opportunities;

namespace Athar.Core.Import;

public sealed record VolunteerRow(int Row, NationalId NationalId, string NameAr, string? NameEn, Gender Gender, DateOnly BirthDate, string Mobile, string Email, int RegionId, int CityId);

public sealed record OpportunityRow(int Row, string Reference, LocalizedText Title, LocalizedText Description, int FieldId, int RegionId, int CityId, DateOnly StartDate, DateOnly EndDate);

public sealed record HoursRow(int Row, NationalId NationalId, string OpportunityReference, DateOnly Date, int Minutes);

/// <summary>
/// The checks of one row that need nothing but the row: the same rules as the registration and
/// opportunity forms where they apply (names, national ID, mobile, e-mail, location, text safety).
/// Checks against the database and across rows (duplicates, unknown references) are the engine's.
/// </summary>
public static class ImportRowRules
{
    public const int ReferenceMaxLength = 64;

    /// <summary>Hours of one row: more than zero and at most a day (<see cref="HoursCalculator.MaxMinutesPerDay"/>).</summary>
    public const int MaxMinutesPerRow = HoursCalculator.MaxMinutesPerDay;

    public static VolunteerRow? Volunteer(ImportRow row, DateOnly today, RegistrationPolicy policy, List<ImportProblem> problems)
    {
        var count = problems.Count;
        var nationalId = NationalIdOf(row, problems);
        var nameAr = Name(row, "name_ar", required: true, problems);
        var nameEn = Name(row, "name_en", required: false, problems);

        var gender = ImportCells.Gender(row["gender"]);
        if (gender is null)
            problems.Add(Problem(row, "gender", row["gender"] is null ? "Field.Required" : "Gender.Unknown"));

        var birthDate = ImportCells.Date(row["birth_date"]);
        if (row["birth_date"] is null)
            problems.Add(Problem(row, "birth_date", "Field.Required"));
        else if (birthDate is not { } born || born > today || born.Year < 1900)
            problems.Add(Problem(row, "birth_date", "Date.Invalid"));
        else if (AgeRules.AgeOn(born, today) < policy.MinimumAge)
            problems.Add(Problem(row, "birth_date", "BirthDate.TooYoung", policy.MinimumAge));
        else if (AgeRules.AgeOn(born, today) < policy.AdultAge)
            // A minor's record needs a guardian's consent, which only the registration form collects.
            problems.Add(Problem(row, "birth_date", "BirthDate.Minor", policy.AdultAge));

        var mobile = SaudiMobile.Normalize(row["phone"]);
        if (mobile is null)
            problems.Add(Problem(row, "phone", row["phone"] is null ? "Field.Required" : "Mobile.Invalid"));

        var email = row["email"];
        if (email is null)
            problems.Add(Problem(row, "email", "Field.Required"));
        else if (!EmailRules.IsValid(email))
            problems.Add(Problem(row, "email", "Email.Invalid"));

        var (regionId, cityId) = Location(row, problems);
        if (problems.Count > count)
            return null;
        return new VolunteerRow(row.Number, nationalId!.Value, nameAr!, nameEn, gender!.Value, birthDate!.Value, mobile!, email!, regionId, cityId);
    }

    public static OpportunityRow? Opportunity(ImportRow row, DateOnly today, List<ImportProblem> problems)
    {
        var count = problems.Count;
        var reference = Reference(row, "reference", problems);
        var titleAr = Text(row, "title_ar", true, OpportunityRules.TitleMaxLength, problems);
        var titleEn = Text(row, "title_en", false, OpportunityRules.TitleMaxLength, problems);
        var descriptionAr = Text(row, "description_ar", true, OpportunityRules.DescriptionMaxLength, problems);
        var descriptionEn = Text(row, "description_en", false, OpportunityRules.DescriptionMaxLength, problems);

        var field = ImportCells.Field(row["field"]);
        if (field is null)
            problems.Add(Problem(row, "field", row["field"] is null ? "Field.Required" : "FieldOfWork.Unknown"));
        var (regionId, cityId) = Location(row, problems);

        var start = RequiredDate(row, "start_date", problems);
        var end = RequiredDate(row, "end_date", problems);
        if (start is { } s && end is { } e)
        {
            if (e < s)
                problems.Add(Problem(row, "end_date", "Opportunity.EndBeforeStart"));
            else if (e > today.AddYears(OpportunityRules.MaxYearsAhead))
                problems.Add(Problem(row, "end_date", "Opportunity.TooFarAhead", OpportunityRules.MaxYearsAhead));
        }
        if (problems.Count > count)
            return null;
        return new OpportunityRow(row.Number, reference!, new LocalizedText(titleAr!, titleEn), new LocalizedText(descriptionAr!, descriptionEn),
            field!.Id, regionId, cityId, start!.Value, end!.Value);
    }

    public static HoursRow? Hours(ImportRow row, DateOnly today, List<ImportProblem> problems)
    {
        var count = problems.Count;
        var nationalId = NationalIdOf(row, problems);
        var reference = Reference(row, "opportunity", problems);
        var date = RequiredDate(row, "date", problems);
        if (date is { } d && d > today)
            problems.Add(Problem(row, "date", "Hours.FutureDate"));

        var minutes = ImportCells.Minutes(row["hours"]);
        if (row["hours"] is null)
            problems.Add(Problem(row, "hours", "Field.Required"));
        else if (minutes is null)
            problems.Add(Problem(row, "hours", "Hours.NotANumber"));
        else if (minutes <= 0 || minutes > MaxMinutesPerRow)
            problems.Add(Problem(row, "hours", "Hours.OutOfRange", MaxMinutesPerRow / 60));
        if (problems.Count > count)
            return null;
        return new HoursRow(row.Number, nationalId!.Value, reference!, date!.Value, minutes!.Value);
    }

    public static ImportProblem Problem(ImportRow row, string column, string code, params object[] arguments) => new(row.Number, column, code, arguments);

    private static NationalId? NationalIdOf(ImportRow row, List<ImportProblem> problems)
    {
        if (NationalId.Validate(row["national_id"], out var id) is { } error)
        {
            problems.Add(Problem(row, "national_id", error == NationalIdError.Missing ? "Field.Required" : $"NationalId.{error}"));
            return null;
        }
        return id;
    }

    private static string? Name(ImportRow row, string column, bool required, List<ImportProblem> problems)
    {
        var errors = new List<FieldError>();
        var name = TextRules.CheckName(row[column], column, required, errors);
        problems.AddRange(errors.Select(e => Problem(row, column, e.Code, e.Arguments)));
        return name;
    }

    private static string? Text(ImportRow row, string column, bool required, int maxLength, List<ImportProblem> problems)
    {
        if (row[column] is null)
        {
            if (required)
                problems.Add(Problem(row, column, "Field.Required"));
            return null;
        }
        var errors = new List<FieldError>();
        var text = TextRules.CheckFreeText(row[column], column, errors, maxLength);
        problems.AddRange(errors.Select(e => Problem(row, column, e.Code, e.Arguments)));
        return text;
    }

    private static string? Reference(ImportRow row, string column, List<ImportProblem> problems)
    {
        var value = row[column];
        if (value is null)
        {
            problems.Add(Problem(row, column, "Field.Required"));
            return null;
        }
        if (value.Length > ReferenceMaxLength || TextRules.HasMarkupOrControl(value))
        {
            problems.Add(Problem(row, column, "Reference.Invalid", ReferenceMaxLength));
            return null;
        }
        return value;
    }

    private static DateOnly? RequiredDate(ImportRow row, string column, List<ImportProblem> problems)
    {
        if (row[column] is null)
        {
            problems.Add(Problem(row, column, "Field.Required"));
            return null;
        }
        if (ImportCells.Date(row[column]) is not { } date)
        {
            problems.Add(Problem(row, column, "Date.Invalid"));
            return null;
        }
        return date;
    }

    private static (int RegionId, int CityId) Location(ImportRow row, List<ImportProblem> problems)
    {
        var region = ImportCells.Region(row["region"]);
        if (region is null)
        {
            problems.Add(Problem(row, "region", row["region"] is null ? "Field.Required" : "Region.Unknown"));
            return (0, 0);
        }
        var city = ImportCells.City(row["city"], region.Id);
        if (city is null)
        {
            problems.Add(Problem(row, "city", row["city"] is null ? "Field.Required"
                : ImportCells.IsCityElsewhere(row["city"]) ? "City.NotInRegion" : "City.Unknown"));
            return (region.Id, 0);
        }
        return (region.Id, city.Id);
    }
}
