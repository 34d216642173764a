using Athar.Core.Accounts;
using Athar.Core.Common;
using Athar.Core.Reference;
using Athar.Core.Text;

namespace Athar.Core.Organizations;

/// <summary>What a person submits to register an organisation, from the form or the API.</summary>
public sealed class OrganizationRegistrationInput
{
    public string? NameAr { get; set; }
    public string? NameEn { get; set; }
    public OrganizationKind? Type { get; set; }
    public string? RegistrationNumber { get; set; }
    public int? RegionId { get; set; }
    public int? CityId { get; set; }
    public List<int> FieldIds { get; set; } = [];
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Website { get; set; }
}

/// <summary>The input after validation: canonical forms only.</summary>
public sealed record ValidOrganizationRegistration(
    string NameAr,
    string? NameEn,
    OrganizationKind Type,
    string RegistrationNumber,
    int RegionId,
    int CityId,
    IReadOnlyList<int> FieldIds,
    string ContactEmail,
    string ContactPhone,
    string? Website);

/// <summary>The pure rules of organisation registration; the registration number's uniqueness is checked against the database by the caller.</summary>
public static class OrganizationRegistrationRules
{
    public const int NameMaxLength = 200;
    public const int RegistrationNumberMinLength = 3;
    public const int RegistrationNumberMaxLength = 32;
    public const int WebsiteMaxLength = 200;

    public static (ValidOrganizationRegistration? Valid, IReadOnlyList<FieldError> Errors) Validate(OrganizationRegistrationInput input)
    {
        var errors = new List<FieldError>();

        var nameAr = CheckName(input.NameAr, nameof(input.NameAr), required: true, errors);
        var nameEn = CheckName(input.NameEn, nameof(input.NameEn), required: false, errors);

        if (input.Type is not { } type)
            errors.Add(new(nameof(input.Type), "Field.Required"));
        else if (!Enum.IsDefined(type))
            errors.Add(new(nameof(input.Type), "OrganizationType.Unknown"));

        var registrationNumber = NormalizeRegistrationNumber(input.RegistrationNumber);
        if (registrationNumber.Length == 0)
            errors.Add(new(nameof(input.RegistrationNumber), "Field.Required"));
        else if (!IsRegistrationNumber(registrationNumber))
            errors.Add(new(nameof(input.RegistrationNumber), "RegistrationNumber.Invalid"));

        LocationRules.Check(input.RegionId, input.CityId, errors);

        var fieldIds = (input.FieldIds ?? []).Distinct().ToList();
        if (fieldIds.Count == 0)
            errors.Add(new(nameof(input.FieldIds), "Field.Required"));
        else if (fieldIds.Any(f => ReferenceData.Fields.All(x => x.Id != f)))
            errors.Add(new(nameof(input.FieldIds), "Field.Unknown"));

        var email = input.ContactEmail?.Trim();
        if (string.IsNullOrEmpty(email))
            errors.Add(new(nameof(input.ContactEmail), "Field.Required"));
        else if (!EmailRules.IsValid(email))
            errors.Add(new(nameof(input.ContactEmail), "Email.Invalid"));

        var phone = OrganizationPhone.Normalize(input.ContactPhone);
        if (string.IsNullOrWhiteSpace(input.ContactPhone))
            errors.Add(new(nameof(input.ContactPhone), "Field.Required"));
        else if (phone is null)
            errors.Add(new(nameof(input.ContactPhone), "Phone.Invalid"));

        var website = NormalizeWebsite(input.Website, out var websiteValid);
        if (!websiteValid)
            errors.Add(new(nameof(input.Website), "Website.Invalid"));

        if (errors.Count > 0)
            return (null, errors);

        return (new ValidOrganizationRegistration(
            nameAr!, nameEn, input.Type!.Value, registrationNumber, input.RegionId!.Value, input.CityId!.Value,
            fieldIds, email!, phone!, website), errors);
    }

    /// <summary>
    /// Organisation names carry digits and punctuation ("جمعية 2030", "Al-Birr (Jeddah)") that people's names do not;
    /// markup and invisible controls are refused all the same.
    /// </summary>
    public static string? CheckName(string? value, string field, bool required, List<FieldError> errors)
    {
        var text = string.IsNullOrWhiteSpace(value)
            ? string.Empty
            : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            if (required) errors.Add(new(field, "Field.Required"));
            return null;
        }
        if (text.Length > NameMaxLength)
        {
            errors.Add(new(field, "Text.TooLong", NameMaxLength));
            return null;
        }
        if (TextRules.HasMarkupOrControl(text))
        {
            errors.Add(new(field, "Text.Unsafe"));
            return null;
        }
        if (text.Length < 2 || !text.Any(char.IsLetter))
        {
            errors.Add(new(field, "OrganizationName.Invalid"));
            return null;
        }
        return text;
    }

    /// <summary>Arabic-Indic digits become ASCII and spaces are dropped: "١٠١٠ ١٢٣٤٥٦" and "1010123456" are one number.</summary>
    public static string NormalizeRegistrationNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return string.Empty;
        var digits = ArabicNormalizer.NormalizeDigits(value.Trim());
        return string.Concat(digits.Where(c => !char.IsWhiteSpace(c)));
    }

    private static bool IsRegistrationNumber(string value) =>
        value.Length is >= RegistrationNumberMinLength and <= RegistrationNumberMaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/')
        && value.Any(char.IsAsciiLetterOrDigit);

    /// <summary>Optional; "example.org.sa" becomes "https://example.org.sa". Only http and https addresses with a real host are kept.</summary>
    public static string? NormalizeWebsite(string? value, out bool valid)
    {
        valid = true;
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
            return null;
        if (!text.Contains("://", StringComparison.Ordinal))
            text = "https://" + text;
        if (text.Length > WebsiteMaxLength
            || TextRules.HasMarkupOrControl(text)
            || text.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0
            || uri.HostNameType != UriHostNameType.Dns
            || !uri.Host.Contains('.', StringComparison.Ordinal)
            || uri.Host.EndsWith('.'))
        {
            valid = false;
            return null;
        }
        return text;
    }
}
