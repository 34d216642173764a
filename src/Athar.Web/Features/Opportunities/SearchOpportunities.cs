using Athar.Core.Calendar;
using Athar.Core.Common;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Opportunities;

/// <summary>
/// The public search: published and closed opportunities of verified organisations with a shift ahead, read from the
/// searchable set (<see cref="SearchableOpportunity"/>) so a search touches only rows that can appear.
/// Free text goes through the one normaliser; each query token must start some token of the stored
/// search text. SQLite answers text from its FTS5 table, PostgreSQL from the set's trigram index; the filters,
/// the order and the keyset page are the same LINQ on both.
/// </summary>
public sealed class SearchOpportunities(AtharDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    public sealed record Query
    {
        public string? Text { get; init; }
        public int? RegionId { get; init; }
        public int? CityId { get; init; }
        public int? FieldId { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }

        /// <summary>Opportunities open to this gender: Male finds "male" and "any"; Any finds only "any".</summary>
        public GenderRequirement? Gender { get; init; }
        public bool? Remote { get; init; }
        public bool SeatsLeft { get; init; }
        public LicenseRequirement? License { get; init; }
        public OpportunitySort Sort { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed record Item(
        Guid Id, LocalizedText Title, Guid OrganizationId, LocalizedText Organization, int FieldId, int RegionId, int CityId,
        bool IsRemote, DateOnly StartDate, DateOnly EndDate, DateTimeOffset? NextShiftStartsAt, int SeatsTotal, int SeatsLeft,
        OpportunityStatus Status, GenderRequirement Gender, LicenseRequirement RequiredLicense, VolunteeringType Type, DateTimeOffset? PublishedAt)
    {
        public bool AcceptsApplications => OpportunityLifecycle.AcceptsApplications(Status);
    }

    public sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    /// <summary>Input errors (a cursor from another sort, a range ending before it starts), by field.</summary>
    public static IReadOnlyList<FieldError> Check(Query query)
    {
        var errors = new List<FieldError>();
        if (query.Cursor is not null && (SearchCursor.Decode(query.Cursor) is not { } cursor || cursor.Sort != query.Sort))
            errors.Add(new("Cursor", "Search.CursorInvalid"));
        if (query.From is { } from && query.To is { } to && to < from)
            errors.Add(new("To", "Search.RangeInvalid"));
        if (query.Text is { Length: > 500 })
            errors.Add(new("Q", "Text.TooLong", 500));
        return errors;
    }

    public async Task<Page> SearchAsync(Query query, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = DualDate.ToSaudiDate(now);
        var cursor = SearchCursor.Decode(query.Cursor) is { } c && c.Sort == query.Sort ? c : null;

        // The searchable set holds only opportunities that are published or closed, of a verified organisation, with a
        // next shift (kept by triggers); what depends on the clock is checked here. "A shift ahead" is the latest shift
        // starting after now, exact without reading the shifts (NextShiftStartsAt may lag behind the clock).
        var opportunities = Text(OpportunitySearch.QueryTokens(query.Text))
            .Where(s => s.EndDate >= today && s.LastShiftStartsAt > now);

        if (query.From is not null || query.To is not null)
        {
            var from = query.From ?? DateOnly.MinValue;
            var to = query.To ?? DateOnly.MaxValue;
            opportunities = opportunities.Where(s => db.Shifts.Any(x => x.OpportunityId == s.OpportunityId && x.StartsAt > now && x.Date >= from && x.Date <= to));
        }

        if (query.RegionId is { } region)
            opportunities = opportunities.Where(s => s.RegionId == region);
        if (query.CityId is { } city)
            opportunities = opportunities.Where(s => s.CityId == city);
        if (query.FieldId is { } field)
            opportunities = opportunities.Where(s => s.FieldId == field);
        if (query.Gender is { } gender)
            opportunities = gender == GenderRequirement.Any
                ? opportunities.Where(s => s.Gender == GenderRequirement.Any)
                : opportunities.Where(s => s.Gender == gender || s.Gender == GenderRequirement.Any);
        if (query.Remote is { } remote)
            opportunities = opportunities.Where(s => s.IsRemote == remote);
        if (query.SeatsLeft)
            opportunities = opportunities.Where(s => s.SeatsLeft > 0);
        if (query.License is { } license)
            opportunities = opportunities.Where(s => s.RequiredLicense == license);

        opportunities = query.Sort switch
        {
            OpportunitySort.Newest => AfterNewest(opportunities.Where(s => s.PublishedAt != null), cursor),
            OpportunitySort.MostSeats => AfterMostSeats(opportunities, cursor),
            _ => AfterSoonest(opportunities, cursor),
        };

        // The set copies what a result shows, so the page is read from it alone: no key lookups into Opportunities
        // and Organizations per result (bench/results/2026-12-07-search-profile.md). Scalars only: the search text
        // (up to 12k characters) never leaves the database.
        var rows = (await Ordered(opportunities, query.Sort)
            .Take(PageSize + 1)
            .Select(s => new
            {
                s.OpportunityId, s.TitleAr, s.TitleEn, s.OrganizationId, s.OrganizationNameAr, s.OrganizationNameEn,
                s.FieldId, s.RegionId, s.CityId, s.IsRemote, s.StartDate, s.EndDate, s.NextShiftStartsAt, s.SeatsTotal,
                s.SeatsLeft, s.Status, s.Gender, s.RequiredLicense, s.Type, s.PublishedAt,
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken))
            .Select(r => new Item(
                r.OpportunityId, new LocalizedText(r.TitleAr, r.TitleEn), r.OrganizationId, new LocalizedText(r.OrganizationNameAr, r.OrganizationNameEn),
                r.FieldId, r.RegionId, r.CityId, r.IsRemote, r.StartDate, r.EndDate, r.NextShiftStartsAt, r.SeatsTotal, r.SeatsLeft, r.Status,
                r.Gender, r.RequiredLicense, r.Type, r.PublishedAt))
            .ToList();

        if (rows.Count <= PageSize)
            return new Page(rows, null);
        var items = rows.Take(PageSize).ToList();
        var last = items[^1];
        var key = query.Sort switch
        {
            OpportunitySort.Newest => last.PublishedAt!.Value.UtcTicks,
            OpportunitySort.MostSeats => last.SeatsLeft,
            _ => last.NextShiftStartsAt!.Value.UtcTicks,
        };
        return new Page(items, new SearchCursor(query.Sort, key, last.Id).Encode());
    }

    private static IOrderedQueryable<SearchableOpportunity> Ordered(IQueryable<SearchableOpportunity> rows, OpportunitySort sort) => sort switch
    {
        OpportunitySort.Newest => rows.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.OpportunityId),
        OpportunitySort.MostSeats => rows.OrderByDescending(s => s.SeatsLeft).ThenBy(s => s.OpportunityId),
        _ => rows.OrderBy(s => s.NextShiftStartsAt).ThenBy(s => s.OpportunityId),
    };

    /// <summary>The provider-specific part: only the text match differs between the databases.</summary>
    private IQueryable<SearchableOpportunity> Text(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
            return db.SearchableOpportunities;
        if (db.Database.IsSqlite())
        {
            // FTS5 over the same normalised text, kept in step by triggers (external content on rowid).
            // The MATCH expression is a parameter; composed as "Id IN (…)" it stays one statement.
            var match = OpportunitySearch.Fts5Match(tokens);
            var ids = db.Database.SqlQuery<Guid>(
                $"""SELECT "Id" AS "Value" FROM "Opportunities" WHERE rowid IN (SELECT rowid FROM "OpportunitySearch" WHERE "OpportunitySearch" MATCH {match})""");
            return db.SearchableOpportunities.Where(s => ids.Contains(s.OpportunityId));
        }
        // The set's own copy of the search text, under its own trigram index.
        IQueryable<SearchableOpportunity> query = db.SearchableOpportunities;
        foreach (var token in tokens)
        {
            var pattern = OpportunitySearch.LikePattern(token);
            query = query.Where(s => EF.Functions.Like(s.SearchText, pattern));
        }
        return query;
    }

    // Keyset: continue strictly after the cursor's row in the sort's order (key, then id).
    private static IQueryable<SearchableOpportunity> AfterSoonest(IQueryable<SearchableOpportunity> rows, SearchCursor? cursor)
    {
        if (cursor is null)
            return rows;
        var key = new DateTimeOffset(cursor.Key, TimeSpan.Zero);
        var id = cursor.Id;
        return rows.Where(s => s.NextShiftStartsAt > key || (s.NextShiftStartsAt == key && s.OpportunityId.CompareTo(id) > 0));
    }

    private static IQueryable<SearchableOpportunity> AfterNewest(IQueryable<SearchableOpportunity> rows, SearchCursor? cursor)
    {
        if (cursor is null)
            return rows;
        var key = new DateTimeOffset(cursor.Key, TimeSpan.Zero);
        var id = cursor.Id;
        return rows.Where(s => s.PublishedAt < key || (s.PublishedAt == key && s.OpportunityId.CompareTo(id) < 0));
    }

    private static IQueryable<SearchableOpportunity> AfterMostSeats(IQueryable<SearchableOpportunity> rows, SearchCursor? cursor)
    {
        if (cursor is null)
            return rows;
        var key = (int)Math.Clamp(cursor.Key, int.MinValue, int.MaxValue);
        var id = cursor.Id;
        return rows.Where(s => s.SeatsLeft < key || (s.SeatsLeft == key && s.OpportunityId.CompareTo(id) > 0));
    }
}
