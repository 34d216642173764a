using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Athar.IntegrationTests.Statistics;
using Athar.Web.Features.Participation;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Participation;

/// <summary>
/// The organisation dashboard's totals (read in one pass per volunteer since the covering index) count approved hours
/// only, of this organisation only, and each volunteer once however many records she has.
/// </summary>
public sealed class OrganizationDashboardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Dashboard_CountsApprovedMinutesAndEachVolunteerOnce_OfItsOwnOrganization(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var mine = await s.OrganizationAsync(1, 101, OrganizationType.NonProfitAssociation);
        var other = await s.OrganizationAsync(1, 101, OrganizationType.Government);
        var opportunity = await s.OpportunityAsync(mine, 1, 101, 3);
        var elsewhere = await s.OpportunityAsync(other, 1, 101, 3);
        var (amal, badr, huda) = (await s.VolunteerAsync(Gender.Female, new DateOnly(1990, 1, 1)), await s.VolunteerAsync(Gender.Male, new DateOnly(1991, 1, 1)),
            await s.VolunteerAsync(Gender.Female, new DateOnly(1992, 1, 1)));
        await s.HoursAsync(amal, opportunity, new DateOnly(2026, 10, 1), 120, HoursStatus.Approved);
        await s.HoursAsync(amal, opportunity, new DateOnly(2026, 10, 2), 90, HoursStatus.Approved);
        await s.HoursAsync(badr, opportunity, new DateOnly(2026, 10, 3), 45, HoursStatus.Approved);
        await s.HoursAsync(badr, opportunity, new DateOnly(2026, 10, 4), 300, HoursStatus.Pending);
        await s.HoursAsync(huda, opportunity, new DateOnly(2026, 10, 5), 60, HoursStatus.Rejected);
        await s.HoursAsync(huda, elsewhere, new DateOnly(2026, 10, 6), 600, HoursStatus.Approved);

        await using var scope = app.Services.CreateAsyncScope();
        var dashboard = await scope.ServiceProvider.GetRequiredService<ParticipationQueries>().DashboardAsync(mine);

        Assert.Equal(120 + 90 + 45, dashboard.VerifiedMinutes);
        Assert.Equal(2, dashboard.Volunteers);
        Assert.Equal(1, dashboard.HoursAwaitingApproval);
    }
}
