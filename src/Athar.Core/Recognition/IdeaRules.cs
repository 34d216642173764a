using Athar.Core.Accounts;
using Athar.Core.Common;
using Athar.Core.Reference;

namespace Athar.Core.Recognition;

public enum IdeaStatus
{
    Submitted = 1,
    Declined = 2,
    Adopted = 3,
}

/// <summary>
/// A volunteer's idea for an initiative, proposed to one organisation. Title and description are kept as
/// typed, in whichever language the volunteer writes; pages show them with the text's own direction.
/// </summary>
public sealed class IdeaInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? FieldId { get; set; }
    public int? RegionId { get; set; }
    public int? CityId { get; set; }
    public int? ExpectedBeneficiaries { get; set; }
}

public sealed record ValidIdea(string Title, string Description, int FieldId, int RegionId, int CityId, int? ExpectedBeneficiaries);

public static class IdeaRules
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 3000;
    public const int ReasonMaxLength = 500;
    public const int MaxBeneficiaries = 10_000_000;

    /// <summary>Refusal codes (resource keys "Refusal.&lt;code&gt;").</summary>
    public const string AlreadyDecided = "idea-already-decided";
    public const string OrganizationNotVerified = "idea-organization-not-verified";

    public static (ValidIdea? Valid, IReadOnlyList<FieldError> Errors) Validate(IdeaInput input)
    {
        var errors = new List<FieldError>();
        var title = Required(input.Title, nameof(input.Title), TitleMaxLength, errors);
        var description = Required(input.Description, nameof(input.Description), DescriptionMaxLength, errors);
        if (input.FieldId is not { } field)
            errors.Add(new(nameof(input.FieldId), "Field.Required"));
        else if (ReferenceData.Fields.All(f => f.Id != field))
            errors.Add(new(nameof(input.FieldId), "Binding.Invalid"));
        LocationRules.Check(input.RegionId, input.CityId, errors);
        if (input.ExpectedBeneficiaries is { } beneficiaries && (beneficiaries < 0 || beneficiaries > MaxBeneficiaries))
            errors.Add(new(nameof(input.ExpectedBeneficiaries), "Idea.BeneficiariesRange", MaxBeneficiaries));
        return errors.Count > 0
            ? (null, errors)
            : (new ValidIdea(title!, description!, input.FieldId!.Value, input.RegionId!.Value, input.CityId!.Value, input.ExpectedBeneficiaries), errors);
    }

    public static (string? Reason, IReadOnlyList<FieldError> Errors) ValidateReason(string? reason)
    {
        var errors = new List<FieldError>();
        var text = string.IsNullOrWhiteSpace(reason) ? null : TextRules.CheckFreeText(reason, "Reason", errors, ReasonMaxLength);
        if (text is null && errors.Count == 0)
            errors.Add(new("Reason", "Field.Required"));
        return (text, errors);
    }

    /// <summary>Only a submitted idea is decided, once: declined and adopted are final.</summary>
    public static bool CanDecide(IdeaStatus status) => status == IdeaStatus.Submitted;

    /// <summary>Whether a text has Arabic letters: an idea written in English also fills the opportunity's English title.</summary>
    public static bool HasArabic(string text) => text.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF');

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
