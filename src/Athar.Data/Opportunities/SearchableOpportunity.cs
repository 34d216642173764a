using Athar.Core.Opportunities;

namespace Athar.Data.Opportunities;

/// <summary>
/// One opportunity that can appear in the public search, with what matching, filtering and ordering read: published or
/// closed, of a verified organisation, with a next shift (<see cref="Opportunity.NextShiftStartsAt"/> not null). Only
/// the database writes these rows, by triggers on Opportunities, Shifts and Organizations in the writer's transaction
/// (<see cref="SearchableOpportunitySql"/>), so a search reads a few thousand rows, not every opportunity ever posted.
/// The clock's part of visibility (end date, a shift ahead) stays in the query: <see cref="LastShiftStartsAt"/> after
/// now is exactly "a shift ahead" without reading the shifts. The row also copies what a search result shows (title,
/// organisation, dates, seats, status, type), so a search reads the set alone: no key lookups into Opportunities and
/// Organizations per result (ADR 0004, addendum).
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

    // Display columns, copied so the search does not join (bench/results/2026-12-07-search-profile.md).
    public string TitleAr { get; set; } = string.Empty;
    public string? TitleEn { get; set; }
    public Guid OrganizationId { get; set; }
    public string OrganizationNameAr { get; set; } = string.Empty;
    public string? OrganizationNameEn { get; set; }
    public DateOnly StartDate { get; set; }
    public int SeatsTotal { get; set; }
    public OpportunityStatus Status { get; set; }
    public VolunteeringType Type { get; set; }
}
