using Athar.Core.Common;
using Athar.Core.Identity;
using Athar.Core.Reference;

namespace Athar.Core.Accounts;

/// <summary>What a volunteer may change on their own profile. National ID, birth date and gender are fixed at registration.</summary>
public sealed class ProfileUpdateInput
{
    public string? FullNameAr { get; set; }
    public string? FullNameEn { get; set; }
    public string? Mobile { get; set; }
    public int? RegionId { get; set; }
    public int? CityId { get; set; }
    public List<int> FieldIds { get; set; } = [];
    public string? Skills { get; set; }
    public string? Education { get; set; }
    public string? Profession { get; set; }

    /// <summary>Asked only when the mobile changes: a contact used to reach and identify the person (ASVS 7.5.1).</summary>
    public string? CurrentPassword { get; set; }
}

public sealed record ValidProfileUpdate(
    string FullNameAr, string? FullNameEn, string Mobile, int RegionId, int CityId,
    IReadOnlyList<int> FieldIds, string? Skills, string? Education, string? Profession);

public static class ProfileUpdateRules
{
    public static (ValidProfileUpdate? Valid, IReadOnlyList<FieldError> Errors) Validate(ProfileUpdateInput input)
    {
        var errors = new List<FieldError>();
        var nameAr = TextRules.CheckName(input.FullNameAr, nameof(input.FullNameAr), required: true, errors);
        var nameEn = TextRules.CheckName(input.FullNameEn, nameof(input.FullNameEn), required: false, errors);
        var mobile = SaudiMobile.Normalize(input.Mobile);
        if (mobile is null)
            errors.Add(new(nameof(input.Mobile), string.IsNullOrWhiteSpace(input.Mobile) ? "Field.Required" : "Mobile.Invalid"));
        LocationRules.Check(input.RegionId, input.CityId, errors);
        var fieldIds = (input.FieldIds ?? []).Distinct().ToList();
        if (fieldIds.Any(f => ReferenceData.Fields.All(x => x.Id != f)))
            errors.Add(new(nameof(input.FieldIds), "Field.Unknown"));
        var skills = TextRules.CheckFreeText(input.Skills, nameof(input.Skills), errors);
        var education = TextRules.CheckFreeText(input.Education, nameof(input.Education), errors);
        var profession = TextRules.CheckFreeText(input.Profession, nameof(input.Profession), errors);
        if (errors.Count > 0)
            return (null, errors);
        return (new ValidProfileUpdate(nameAr!, nameEn, mobile!, input.RegionId!.Value, input.CityId!.Value, fieldIds, skills, education, profession), errors);
    }
}

/// <summary>Region and city: both known, and the city inside the region.</summary>
public static class LocationRules
{
    public static void Check(int? regionId, int? cityId, List<FieldError> errors)
    {
        if (regionId is not { } r || ReferenceData.FindRegion(r) is null)
            errors.Add(new("RegionId", regionId is null ? "Field.Required" : "Region.Unknown"));
        if (cityId is not { } c || ReferenceData.FindCity(c) is not { } city)
            errors.Add(new("CityId", cityId is null ? "Field.Required" : "City.Unknown"));
        else if (regionId is { } region && city.RegionId != region)
            errors.Add(new("CityId", "City.NotInRegion"));
    }
}
