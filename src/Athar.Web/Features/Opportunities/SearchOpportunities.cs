using Athar.Core.Calendar;
using Athar.Core.Common;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Opportunities;

/// <summary>
/// The public search: published and closed opportunities of verified organisations with a shift ahead.
/// Free text goes through the one normaliser; each query token must start some token of the stored
/// search text. SQLite answers text from its FTS5 table, PostgreSQL from the trigram index; the filters,
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

        var opportunities = Text(OpportunitySearch.QueryTokens(query.Text))
            .Where(o => (o.Status == OpportunityStatus.Published || o.Status == OpportunityStatus.Closed) && o.EndDate >= today);

        // "Has a shift ahead" is read from the shifts, not from NextShiftStartsAt, which may lag behind the clock.
        if (query.From is not null || query.To is not null)
        {
            var from = query.From ?? DateOnly.MinValue;
            var to = query.To ?? DateOnly.MaxValue;
            opportunities = opportunities.Where(o => db.Shifts.Any(s => s.OpportunityId == o.Id && s.StartsAt > now && s.Date >= from && s.Date <= to));
        }
        else
        {
            opportunities = opportunities.Where(o => db.Shifts.Any(s => s.OpportunityId == o.Id && s.StartsAt > now));
        }

        if (query.RegionId is { } region)
            opportunities = opportunities.Where(o => o.RegionId == region);
        if (query.CityId is { } city)
            opportunities = opportunities.Where(o => o.CityId == city);
        if (query.FieldId is { } field)
            opportunities = opportunities.Where(o => o.FieldId == field);
        if (query.Gender is { } gender)
            opportunities = gender == GenderRequirement.Any
                ? opportunities.Where(o => o.Gender == GenderRequirement.Any)
                : opportunities.Where(o => o.Gender == gender || o.Gender == GenderRequirement.Any);
        if (query.Remote is { } remote)
            opportunities = opportunities.Where(o => o.IsRemote == remote);
        if (query.SeatsLeft)
            opportunities = opportunities.Where(o => o.SeatsTotal - o.SeatsTaken > 0);
        if (query.License is { } license)
            opportunities = opportunities.Where(o => o.RequiredLicense == license);

        opportunities = query.Sort switch
        {
            OpportunitySort.Newest => AfterNewest(opportunities.Where(o => o.PublishedAt != null), cursor),
            OpportunitySort.MostSeats => AfterMostSeats(opportunities, cursor),
            _ => AfterSoonest(opportunities.Where(o => o.NextShiftStartsAt != null), cursor),
        };

        var visible =
            from o in opportunities
            join org in db.Organizations on o.OrganizationId equals org.Id
            where org.Status == OrganizationStatus.Verified
            select new { o, org };

        var ordered = query.Sort switch
        {
            OpportunitySort.Newest => visible.OrderByDescending(x => x.o.PublishedAt).ThenByDescending(x => x.o.Id),
            OpportunitySort.MostSeats => visible.OrderByDescending(x => x.o.SeatsTotal - x.o.SeatsTaken).ThenBy(x => x.o.Id),
            _ => visible.OrderBy(x => x.o.NextShiftStartsAt).ThenBy(x => x.o.Id),
        };

        // Scalars only: the search text (up to 12k characters) and unused columns never leave the database.
        var rows = (await ordered
            .Select(x => new
            {
                x.o.Id, TitleAr = x.o.Title.Ar, TitleEn = x.o.Title.En, OrganizationId = x.org.Id, NameAr = x.org.Name.Ar, NameEn = x.org.Name.En,
                x.o.FieldId, x.o.RegionId, x.o.CityId, x.o.IsRemote, x.o.StartDate, x.o.EndDate, x.o.NextShiftStartsAt, x.o.SeatsTotal,
                SeatsLeft = x.o.SeatsTotal - x.o.SeatsTaken, x.o.Status, x.o.Gender, x.o.RequiredLicense, x.o.Type, x.o.PublishedAt,
            })
            .Take(PageSize + 1)
            .AsNoTracking()
            .ToListAsync(cancellationToken))
            .Select(r => new Item(
                r.Id, new LocalizedText(r.TitleAr, r.TitleEn), r.OrganizationId, new LocalizedText(r.NameAr, r.NameEn), r.FieldId, r.RegionId, r.CityId,
                r.IsRemote, r.StartDate, r.EndDate, r.NextShiftStartsAt, r.SeatsTotal, r.SeatsLeft, r.Status, r.Gender, r.RequiredLicense, r.Type, r.PublishedAt))
            .ToList();

        if (rows.Count <= PageSize)
            return new Page(rows, null);
        var page = rows.Take(PageSize).ToList();
        var last = page[^1];
        var key = query.Sort switch
        {
            OpportunitySort.Newest => last.PublishedAt!.Value.UtcTicks,
            OpportunitySort.MostSeats => last.SeatsLeft,
            _ => last.NextShiftStartsAt!.Value.UtcTicks,
        };
        return new Page(page, new SearchCursor(query.Sort, key, last.Id).Encode());
    }

    /// <summary>The provider-specific part: only the text match differs between the databases.</summary>
    private IQueryable<Opportunity> Text(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
            return db.Opportunities;
        if (db.Database.IsSqlite())
        {
            // FTS5 over the same normalised text, kept in step by triggers (external content on rowid).
            // The MATCH expression is a parameter; composed as "Id IN (…)" it stays one statement.
            var match = OpportunitySearch.Fts5Match(tokens);
            var ids = db.Database.SqlQuery<Guid>(
                $"""SELECT "Id" AS "Value" FROM "Opportunities" WHERE rowid IN (SELECT rowid FROM "OpportunitySearch" WHERE "OpportunitySearch" MATCH {match})""");
            return db.Opportunities.Where(o => ids.Contains(o.Id));
        }
        IQueryable<Opportunity> query = db.Opportunities;
        foreach (var token in tokens)
        {
            var pattern = OpportunitySearch.LikePattern(token);
            query = query.Where(o => EF.Functions.Like(o.SearchText, pattern));
        }
        return query;
    }

    // Keyset: continue strictly after the cursor's row in the sort's order (key, then id).
    private static IQueryable<Opportunity> AfterSoonest(IQueryable<Opportunity> rows, SearchCursor? cursor)
    {
        if (cursor is null)
            return rows;
        var key = new DateTimeOffset(cursor.Key, TimeSpan.Zero);
        var id = cursor.Id;
        return rows.Where(o => o.NextShiftStartsAt > key || (o.NextShiftStartsAt == key && o.Id.CompareTo(id) > 0));
    }

    private static IQueryable<Opportunity> AfterNewest(IQueryable<Opportunity> rows, SearchCursor? cursor)
    {
        if (cursor is null)
            return rows;
        var key = new DateTimeOffset(cursor.Key, TimeSpan.Zero);
        var id = cursor.Id;
        return rows.Where(o => o.PublishedAt < key || (o.PublishedAt == key && o.Id.CompareTo(id) < 0));
    }

    private static IQueryable<Opportunity> AfterMostSeats(IQueryable<Opportunity> rows, SearchCursor? cursor)
    {
        if (cursor is null)
            return rows;
        var key = (int)Math.Clamp(cursor.Key, int.MinValue, int.MaxValue);
        var id = cursor.Id;
        return rows.Where(o => o.SeatsTotal - o.SeatsTaken < key || (o.SeatsTotal - o.SeatsTaken == key && o.Id.CompareTo(id) > 0));
    }
}
