using Athar.Core.Common;
using Athar.Core.Reference;

namespace Athar.Core.Recognition;

public enum IdeaStatus
{
    Submitted = 1,
    Declined = 2,
    Adopted = 3,
}

/// <summary>A volunteer's idea for an initiative, proposed to one organisation.</summary>
public sealed class IdeaInput
{
    public Guid? OrganizationId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? FieldId { get; set; }
    public int? RegionId { get; set; }
}

public sealed record ValidIdea(Guid OrganizationId, string Title, string Description, int FieldId, int RegionId);

public static class IdeaRules
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 3000;
    public const int ReasonMaxLength = 500;

    public static (ValidIdea? Valid, IReadOnlyList<FieldError> Errors) Validate(IdeaInput input)
    {
        var errors = new List<FieldError>();
        if (input.OrganizationId is null)
            errors.Add(new(nameof(input.OrganizationId), "Field.Required"));
        var title = Required(input.Title, nameof(input.Title), TitleMaxLength, errors);
        var description = Required(input.Description, nameof(input.Description), DescriptionMaxLength, errors);
        if (input.FieldId is not { } field)
            errors.Add(new(nameof(input.FieldId), "Field.Required"));
        else if (ReferenceData.Fields.All(f => f.Id != field))
            errors.Add(new(nameof(input.FieldId), "Binding.Invalid"));
        if (input.RegionId is not { } region)
            errors.Add(new(nameof(input.RegionId), "Field.Required"));
        else if (ReferenceData.Regions.All(r => r.Id != region))
            errors.Add(new(nameof(input.RegionId), "Binding.Invalid"));
        return errors.Count > 0
            ? (null, errors)
            : (new ValidIdea(input.OrganizationId!.Value, title!, description!, input.FieldId!.Value, input.RegionId!.Value), errors);
    }

    public static (string? Reason, IReadOnlyList<FieldError> Errors) ValidateReason(string? reason)
    {
        var errors = new List<FieldError>();
        var text = string.IsNullOrWhiteSpace(reason) ? null : TextRules.CheckFreeText(reason, "Reason", errors, ReasonMaxLength);
        if (text is null && errors.Count == 0)
            errors.Add(new("Reason", "Field.Required"));
        return (text, errors);
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
