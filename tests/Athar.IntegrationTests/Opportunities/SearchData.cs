using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Data.Opportunities;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Opportunities;

/// <summary>Published opportunities written straight to the database for volume, indexed by the app's own code.</summary>
internal static class SearchData
{
    public sealed record Spec(string TitleAr, string? TitleEn = null)
    {
        public int FieldId { get; init; } = 3;
        public int RegionId { get; init; } = 1;
        public int CityId { get; init; } = 101;
        public bool IsRemote { get; init; }
        public GenderRequirement Gender { get; init; }
        public LicenseRequirement License { get; init; }
        public OpportunityStatus Status { get; init; } = OpportunityStatus.Published;

        /// <summary>Days from today of each shift (09:00–12:00 Saudi time).</summary>
        public int[] ShiftDays { get; init; } = [2];
        public int Seats { get; init; } = 5;
        public int SeatsTaken { get; init; }
        public TimeSpan PublishedAgo { get; init; } = TimeSpan.FromHours(1);
    }

    public static async Task<List<Guid>> InsertAsync(AtharAppFactory app, Guid organizationId, IEnumerable<Spec> specs)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId);
        var now = app.Clock.GetUtcNow();
        var today = OpportunityData.Today(app);
        var ids = new List<Guid>();
        foreach (var spec in specs)
        {
            var dates = spec.ShiftDays.Select(d => today.AddDays(d)).ToList();
            var opportunity = new Opportunity
            {
                Id = Guid.NewGuid(), OrganizationId = organizationId,
                Title = new LocalizedText(spec.TitleAr, spec.TitleEn), Description = new LocalizedText("وصف", "Description"),
                FieldId = spec.FieldId, RegionId = spec.RegionId, CityId = spec.CityId, IsRemote = spec.IsRemote, Gender = spec.Gender,
                RequiredLicense = spec.License, Status = spec.Status, StartDate = dates.Min(), EndDate = dates.Max(),
                CreatedAt = now, PublishedAt = spec.Status == OpportunityStatus.Draft ? null : now - spec.PublishedAgo,
            };
            foreach (var date in dates)
            {
                opportunity.Shifts.Add(new Shift
                {
                    Id = Guid.NewGuid(), OpportunityId = opportunity.Id, Date = date, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0),
                    StartsAt = ShiftTimes.ToInstant(date, new TimeOnly(9, 0)), EndsAt = ShiftTimes.ToInstant(date, new TimeOnly(12, 0)), Seats = spec.Seats,
                });
            }
            OpportunityIndexing.Refresh(opportunity, organization, now);
            opportunity.SeatsTaken = spec.SeatsTaken;
            db.Opportunities.Add(opportunity);
            ids.Add(opportunity.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>Every page of a search, following nextCursor; fails on a page larger than 20.</summary>
    public static async Task<List<Guid>> AllPagesAsync(HttpClient client, string query)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        for (var pages = 0; pages < 50; pages++)
        {
            var page = await OpportunityData.SearchAsync(client, query + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            var items = OpportunityData.Ids(page);
            Assert.True(items.Count <= 20, $"page of {items.Count}");
            ids.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null)
                return ids;
            Assert.Equal(20, items.Count);
        }
        throw new InvalidOperationException("Too many pages.");
    }
}
