using Athar.Core.Opportunities;

namespace Athar.Data.Opportunities;

/// <summary>
/// One opportunity that can appear in the public search, with what matching, filtering and ordering read: published or
/// closed, of a verified organisation, with a next shift (<see cref="Opportunity.NextShiftStartsAt"/> not null). Only
/// the database writes these rows, by triggers on Opportunities, Shifts and Organizations in the writer's transaction
/// (<see cref="SearchableOpportunitySql"/>), so a search reads a few thousand rows, not every opportunity ever posted.
/// The clock's part of visibility (end date, a shift ahead) stays in the query: <see cref="LastShiftStartsAt"/> after
/// now is exactly "a shift ahead" without reading the shifts.
/// </summary>
public sealed class SearchableOpportunity
{
    public Guid OpportunityId { get; set; }
    public string SearchText { get; set; } = string.Empty;
    public int RegionId { get; set; }
    public int CityId { get; set; }
    public int FieldId { get; set; }
    public bool IsRemote { get; set; }
    public GenderRequirement Gender { get; set; }
    public LicenseRequirement RequiredLicense { get; set; }
    public DateOnly EndDate { get; set; }

    /// <summary>The opportunity's own (possibly lagging) value, the "soonest" key.</summary>
    public DateTimeOffset NextShiftStartsAt { get; set; }

    /// <summary>Start of the opportunity's latest shift; null only for an opportunity without shifts.</summary>
    public DateTimeOffset? LastShiftStartsAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>SeatsTotal - SeatsTaken, the "most seats left" key.</summary>
    public int SeatsLeft { get; set; }
}
