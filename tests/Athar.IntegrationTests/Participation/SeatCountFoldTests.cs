using System.Net;
using Athar.Core.Applications;
using Athar.Data;
using Athar.Data.Opportunities;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Opportunities;
using Athar.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Participation;

/// <summary>
/// A seat is claimed on its shift alone; the opportunity's seats taken (what search filters and sorts by) follows at
/// the next fold of the queue a trigger on Shifts appends to, and pages about one opportunity read its shifts.
/// </summary>
public sealed class SeatCountFoldTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ClaimsAndReleases_CountOnTheShiftAtOnce_AndOnTheOpportunityAndItsSearchRowAtTheFold(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var (org, _, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(org,
            [app.ShiftFromNow(TimeSpan.FromHours(26), TimeSpan.FromHours(3), 3), app.ShiftFromNow(TimeSpan.FromHours(50), TimeSpan.FromHours(3), 3)], autoAccept: true);
        var volunteers = await app.CreateVolunteersAsync(4);
        var shifts = opportunity.Shifts.Select(s => s.Id).ToList();

        for (var i = 0; i < volunteers.Count; i++)
            Assert.Equal(ApplicationStatus.Accepted, (await ApplyAsync(app, volunteers[i], shifts[i < 3 ? 0 : 1])).Application!.Status);
        Assert.Equal(2, await SeatsLeftOnTheDetailAsync(app, opportunity.Id));
        Assert.Equal((4, 2), await FoldAsync(app, opportunity.Id));

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Seats>().ReleaseAsync(shifts[0], CancellationToken.None);
        // The detail reads the shifts: right before the fold as after it.
        Assert.Equal(3, await SeatsLeftOnTheDetailAsync(app, opportunity.Id));
        Assert.Equal((3, 3), await FoldAsync(app, opportunity.Id));
        Assert.Equal(0, await app.QueryAsync(db => db.SeatCountChanges.CountAsync(c => c.OpportunityId == opportunity.Id)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AnEdit_ThatLowersTheSeatsBelowAnUnfoldedCount_IsSaved_AndTheFoldSettlesIt(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var (org, _, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(org, [app.ShiftFromNow(TimeSpan.FromHours(26), TimeSpan.FromHours(3), 5)], autoAccept: true);
        var shift = opportunity.Shifts[0].Id;
        foreach (var volunteer in await app.CreateVolunteersAsync(3))
            await ApplyAsync(app, volunteer, shift);
        Assert.Equal((3, 2), await FoldAsync(app, opportunity.Id));

        // Two leave (seats taken stays 3 until the fold), then the organisation lowers the shift to two seats: a total
        // of 2 below the unfolded 3 would break the opportunity's check constraint.
        await app.QueryAsync(db => db.Shifts.Where(s => s.Id == shift).ExecuteUpdateAsync(s => s.SetProperty(x => x.Accepted, x => x.Accepted - 2)));
        await app.QueryAsync(async db =>
        {
            var edited = await db.Opportunities.Include(o => o.Shifts).SingleAsync(o => o.Id == opportunity.Id);
            edited.Shifts[0].Seats = 2;
            OpportunityIndexing.Refresh(edited, await db.Organizations.SingleAsync(g => g.Id == org), app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        Assert.Equal((1, 1), await FoldAsync(app, opportunity.Id));
    }

    [Fact]
    public async Task ClaimsOnManyShifts_WithFoldsRunningFromTwoNodesMeanwhile_LeaveEverySeatsTakenEqualToItsShifts_OnPostgres()
    {
        var app = fixture.For(TestDatabase.Postgres);
        app.MoveToNextMorning();
        var (org, _, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunities = new List<Opportunity>();
        for (var i = 0; i < 3; i++)
            opportunities.Add(await app.CreatePublishedOpportunityAsync(org,
                [app.ShiftFromNow(TimeSpan.FromHours(26), TimeSpan.FromHours(3), 25), app.ShiftFromNow(TimeSpan.FromHours(50), TimeSpan.FromHours(3), 25)], autoAccept: true));
        var shifts = opportunities.SelectMany(o => o.Shifts.Select(s => s.Id)).ToList();
        var volunteers = await app.CreateVolunteersAsync(120);

        using var applying = new CancellationTokenSource();
        async Task<int> FoldUntilDoneAsync()
        {
            var folds = 0;
            while (!applying.IsCancellationRequested)
            {
                await app.QueryAsync(db => SeatCountFold.FoldAsync(db));
                folds++;
            }
            return folds;
        }
        var folding = new[] { Task.Run(FoldUntilDoneAsync), Task.Run(FoldUntilDoneAsync) };
        var results = await Task.WhenAll(volunteers.Select((v, i) => Task.Run(() => ApplyAsync(app, v, shifts[i % shifts.Count]))));
        await applying.CancelAsync();
        Assert.All(await Task.WhenAll(folding), folds => Assert.True(folds > 0));
        Assert.All(results, r => Assert.Equal(ApplicationStatus.Accepted, r.Application!.Status));

        await app.QueryAsync(db => SeatCountFold.FoldAsync(db));
        var ids = opportunities.Select(o => o.Id).ToList();
        var counts = await app.QueryAsync(db => db.Opportunities.Where(o => ids.Contains(o.Id))
            .Select(o => new { o.SeatsTaken, Shifts = db.Shifts.Where(s => s.OpportunityId == o.Id).Sum(s => s.Accepted) }).ToListAsync());
        Assert.All(counts, c => Assert.Equal((40, 40), (c.SeatsTaken, c.Shifts)));
    }

    private static async Task<ApplyToShift.Result> ApplyAsync(AtharAppFactory app, Guid volunteer, Guid shift)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplyToShift>().ApplyAsync(volunteer, shift);
    }

    /// <summary>Folds, then answers the opportunity's seats taken and its search row's seats left.</summary>
    private static Task<(int Taken, int Left)> FoldAsync(AtharAppFactory app, Guid opportunityId) =>
        app.QueryAsync(async db =>
        {
            await SeatCountFold.FoldAsync(db);
            var taken = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => o.SeatsTaken).SingleAsync();
            var left = await db.SearchableOpportunities.Where(s => s.OpportunityId == opportunityId).Select(s => s.SeatsLeft).SingleAsync();
            return (taken, left);
        });

    private static async Task<int> SeatsLeftOnTheDetailAsync(AtharAppFactory app, Guid opportunityId)
    {
        var response = await app.Api().GetAsync($"/api/v1/opportunities/{opportunityId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("seatsLeft").GetInt32();
    }
}
