using System.Net;
using Athar.Core.Accounts;
using Athar.Core.Audit;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Privacy;

/// <summary>
/// The inactivity retention period (3 years, warned 30 days before, by default), driven with the fake clock. Its own app:
/// moving the clock years ahead sweeps the demo accounts too, which other classes' tests sign in with.
/// </summary>
public sealed class RetentionTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task InactiveVolunteer_IsWarned_ThenAnonymisedOnce_WhileActiveVolunteersAndStaffStay(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database);
        _ = app.Server;
        var start = app.Clock.GetUtcNow();
        var inactive = await app.RegisterAsync();
        var active = await app.RegisterAsync();
        var staff = await app.CreatePersonAsync([Roles.Volunteer, Roles.OrganizationAdmin]);

        app.Clock.SetUtcNow(start.AddYears(2));
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAsAsync(active.Input.Email!, TestPeople.Password)).GetAsync("/api/v1/me")).StatusCode);

        app.Clock.SetUtcNow(start.AddYears(3).AddDays(-20));
        await SweepAsync(app);
        Assert.Equal(1, await WarningsAsync(app, inactive.UserId));
        Assert.Equal(0, await WarningsAsync(app, active.UserId));
        Assert.Equal(0, await WarningsAsync(app, staff.UserId));
        Assert.Null(await ErasedAtAsync(app, inactive.UserId));

        // Past the period, but the warning has not yet had its full 30 days.
        app.Clock.SetUtcNow(start.AddYears(3).AddDays(1));
        await SweepAsync(app);
        Assert.Null(await ErasedAtAsync(app, inactive.UserId));

        app.Clock.SetUtcNow(start.AddYears(3).AddDays(11));
        await SweepAsync(app);
        await SweepAsync(app);

        Assert.NotNull(await ErasedAtAsync(app, inactive.UserId));
        Assert.Null(await ErasedAtAsync(app, active.UserId));
        Assert.Null(await ErasedAtAsync(app, staff.UserId));
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccountErased && e.PersonId == inactive.UserId)));
        Assert.False(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccountErased && (e.PersonId == active.UserId || e.PersonId == staff.UserId))));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.LoginStatusAsync(inactive.Input.Email!));
        Assert.Equal(HttpStatusCode.OK, await app.LoginStatusAsync(active.Input.Email!));
    }

    private static async Task SweepAsync(AtharAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<InactiveAccounts>().SweepAsync();
    }

    private static Task<int> WarningsAsync(AtharAppFactory app, Guid userId) =>
        app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.Kind == InactiveAccounts.WarningKind));

    private static Task<DateTimeOffset?> ErasedAtAsync(AtharAppFactory app, Guid userId) =>
        app.QueryAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.ErasedAt).SingleAsync());
}
