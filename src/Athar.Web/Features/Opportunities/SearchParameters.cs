using Athar.Core.Common;
using Athar.Core.Opportunities;

namespace Athar.Web.Features.Opportunities;

/// <summary>
/// The search's query string, shared by the page's GET form and the API: q, regionId, cityId, fieldId,
/// from, to (yyyy-MM-dd), gender (any|male|female), mode (inPerson|remote), seatsLeft (true),
/// license (none|practitioner|teamLeadership), sort (soonest|newest|mostSeats), cursor.
/// </summary>
public sealed class SearchParameters
{
    public string? Q { get; set; }
    public int? RegionId { get; set; }
    public int? CityId { get; set; }
    public int? FieldId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Gender { get; set; }
    public string? Mode { get; set; }
    public bool? SeatsLeft { get; set; }
    public string? License { get; set; }
    public string? Sort { get; set; }
    public string? Cursor { get; set; }

    public (SearchOpportunities.Query Query, IReadOnlyList<FieldError> Errors) ToQuery()
    {
        var errors = new List<FieldError>();
        var gender = Parse<GenderRequirement>(Gender, nameof(Gender), errors);
        var license = Parse<LicenseRequirement>(License, nameof(License), errors);
        var sort = Parse<OpportunitySort>(Sort, nameof(Sort), errors) ?? OpportunitySort.Soonest;
        bool? remote = Mode switch
        {
            null or "" => null,
            _ when Mode.Equals("remote", StringComparison.OrdinalIgnoreCase) => true,
            _ when Mode.Equals("inPerson", StringComparison.OrdinalIgnoreCase) => false,
            _ => Invalid(nameof(Mode), errors),
        };
        var query = new SearchOpportunities.Query
        {
            Text = Q,
            RegionId = RegionId,
            CityId = CityId,
            FieldId = FieldId,
            From = From,
            To = To,
            Gender = gender,
            Remote = remote,
            SeatsLeft = SeatsLeft == true,
            License = license,
            Sort = sort,
            Cursor = string.IsNullOrEmpty(Cursor) ? null : Cursor,
        };
        errors.AddRange(SearchOpportunities.Check(query));
        return (query, errors);
    }

    /// <summary>The query string of the same search with another cursor (for the next page's link).</summary>
    public string ToQueryString(string? cursor)
    {
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("q", Q), new("regionId", RegionId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("cityId", CityId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("fieldId", FieldId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("gender", Gender), new("mode", Mode), new("seatsLeft", SeatsLeft == true ? "true" : null),
            new("license", License), new("sort", Sort), new("cursor", cursor),
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
    }

    private static T? Parse<T>(string? value, string field, List<FieldError> errors) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
            return null;
        // Names only (camelCase or PascalCase), never numbers: "2" is not a gender.
        if (!char.IsDigit(value[0]) && value[0] != '-' && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            return parsed;
        errors.Add(new(field, "Binding.Invalid"));
        return null;
    }

    private static bool? Invalid(string field, List<FieldError> errors)
    {
        errors.Add(new(field, "Binding.Invalid"));
        return null;
    }
}
