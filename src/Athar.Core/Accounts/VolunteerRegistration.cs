using Athar.Core.Common;
using Athar.Core.Identity;
using Athar.Core.Reference;

namespace Athar.Core.Accounts;

/// <summary>What a person submits to register as a volunteer, from the form or the API.</summary>
public sealed class VolunteerRegistrationInput
{
    public string? FullNameAr { get; set; }
    public string? FullNameEn { get; set; }
    public string? NationalId { get; set; }
    public string? Mobile { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public Gender? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public int? RegionId { get; set; }
    public int? CityId { get; set; }
    public List<int> FieldIds { get; set; } = [];
    public string? Skills { get; set; }
    public string? Education { get; set; }
    public string? Profession { get; set; }
    public bool AcceptEthicsCharter { get; set; }
    public bool AcceptPrivacyNotice { get; set; }
    public string? GuardianName { get; set; }
    public string? GuardianNationalId { get; set; }
    public string? GuardianMobile { get; set; }
}

/// <summary>The input after validation: canonical forms only.</summary>
public sealed record ValidVolunteerRegistration(
    string FullNameAr,
    string? FullNameEn,
    NationalId NationalId,
    string Mobile,
    string Email,
    string Password,
    Gender Gender,
    DateOnly BirthDate,
    int RegionId,
    int CityId,
    IReadOnlyList<int> FieldIds,
    string? Skills,
    string? Education,
    string? Profession,
    bool IsMinor,
    GuardianDetails? Guardian)
{
    // Never print the password or the full identity number if this value is logged.
    public override string ToString() => $"{nameof(ValidVolunteerRegistration)} {{ NationalId = {NationalId.Masked}, Email = {Email} }}";
}

public sealed record GuardianDetails(string Name, NationalId NationalId, string Mobile);

/// <summary>The pure rules of volunteer registration; uniqueness is checked against the database by the caller.</summary>
public static class VolunteerRegistrationRules
{
    public static (ValidVolunteerRegistration? Valid, IReadOnlyList<FieldError> Errors) Validate(
        VolunteerRegistrationInput input, RegistrationPolicy policy, DateOnly today)
    {
        var errors = new List<FieldError>();

        var nameAr = TextRules.CheckName(input.FullNameAr, nameof(input.FullNameAr), required: true, errors);
        var nameEn = TextRules.CheckName(input.FullNameEn, nameof(input.FullNameEn), required: false, errors);

        NationalId nationalId = default;
        if (Identity.NationalId.Validate(input.NationalId, out var id) is { } idError)
            errors.Add(new(nameof(input.NationalId), $"NationalId.{idError}"));
        else
            nationalId = id;

        var mobile = SaudiMobile.Normalize(input.Mobile);
        if (string.IsNullOrWhiteSpace(input.Mobile))
            errors.Add(new(nameof(input.Mobile), "Field.Required"));
        else if (mobile is null)
            errors.Add(new(nameof(input.Mobile), "Mobile.Invalid"));

        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
            errors.Add(new(nameof(input.Email), "Field.Required"));
        else if (!EmailRules.IsValid(email))
            errors.Add(new(nameof(input.Email), "Email.Invalid"));

        if (string.IsNullOrEmpty(input.Password))
            errors.Add(new(nameof(input.Password), "Field.Required"));

        if (input.Gender is not (Accounts.Gender.Male or Accounts.Gender.Female))
            errors.Add(new(nameof(input.Gender), "Field.Required"));

        var isMinor = false;
        if (input.BirthDate is not { } birthDate)
        {
            errors.Add(new(nameof(input.BirthDate), "Field.Required"));
        }
        else if (birthDate > today || birthDate.Year < 1900)
        {
            errors.Add(new(nameof(input.BirthDate), "BirthDate.Invalid"));
        }
        else
        {
            var age = AgeRules.AgeOn(birthDate, today);
            if (age < policy.MinimumAge)
                errors.Add(new(nameof(input.BirthDate), "BirthDate.TooYoung", policy.MinimumAge));
            else
                // Guardian details matter only for someone old enough to register at all.
                isMinor = age < policy.AdultAge;
        }

        LocationRules.Check(input.RegionId, input.CityId, errors);

        var fieldIds = (input.FieldIds ?? []).Distinct().ToList();
        if (fieldIds.Any(f => ReferenceData.Fields.All(x => x.Id != f)))
            errors.Add(new(nameof(input.FieldIds), "Field.Unknown"));

        var skills = TextRules.CheckFreeText(input.Skills, nameof(input.Skills), errors);
        var education = TextRules.CheckFreeText(input.Education, nameof(input.Education), errors);
        var profession = TextRules.CheckFreeText(input.Profession, nameof(input.Profession), errors);

        if (!input.AcceptEthicsCharter)
            errors.Add(new(nameof(input.AcceptEthicsCharter), "Consent.EthicsRequired"));
        if (!input.AcceptPrivacyNotice)
            errors.Add(new(nameof(input.AcceptPrivacyNotice), "Consent.PrivacyRequired"));

        GuardianDetails? guardian = null;
        if (isMinor)
            guardian = ValidateGuardian(input, nationalId, errors);

        if (errors.Count > 0)
            return (null, errors);

        return (new ValidVolunteerRegistration(
            nameAr!, nameEn, nationalId, mobile!, email!, input.Password!, input.Gender!.Value, input.BirthDate!.Value,
            input.RegionId!.Value, input.CityId!.Value, fieldIds, skills, education, profession, isMinor, guardian), errors);
    }

    private static GuardianDetails? ValidateGuardian(VolunteerRegistrationInput input, NationalId volunteerId, List<FieldError> errors)
    {
        var count = errors.Count;
        var name = TextRules.CheckName(input.GuardianName, nameof(input.GuardianName), required: true, errors);
        NationalId guardianId = default;
        if (Identity.NationalId.Validate(input.GuardianNationalId, out var gid) is { } gidError)
            errors.Add(new(nameof(input.GuardianNationalId), gidError == NationalIdError.Missing ? "Guardian.NationalIdMissing" : $"NationalId.{gidError}"));
        else if (gid == volunteerId)
            errors.Add(new(nameof(input.GuardianNationalId), "Guardian.SameAsVolunteer"));
        else
            guardianId = gid;

        var mobile = SaudiMobile.Normalize(input.GuardianMobile);
        if (mobile is null)
            errors.Add(new(nameof(input.GuardianMobile), string.IsNullOrWhiteSpace(input.GuardianMobile) ? "Field.Required" : "Mobile.Invalid"));

        return errors.Count == count ? new GuardianDetails(name!, guardianId, mobile!) : null;
    }
}
