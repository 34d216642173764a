using System.Net;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Platform;

/// <summary>API writes with an Idempotency-Key: a retry returns the first result and changes nothing.</summary>
public sealed class IdempotencyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<(AtharAppFactory App, Guid[] Shifts)> SetupAsync(AppFixture fixture, TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var (org, _, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(org,
            [app.ShiftFromNow(TimeSpan.FromHours(26), TimeSpan.FromHours(4), 3), app.ShiftFromNow(TimeSpan.FromHours(50), TimeSpan.FromHours(4), 3)]);
        return (app, opportunity.Shifts.Select(s => s.Id).ToArray());
    }

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient client, Guid shiftId, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/shifts/{shiftId}/applications");
        if (key is not null)
            request.Headers.Add(IdempotencyMiddleware.Header, key);
        return client.SendAsync(request);
    }

    private static Task<int> ApplicationsAsync(AtharAppFactory app, Guid shiftId) =>
        app.QueryAsync(db => db.Applications.CountAsync(a => a.ShiftId == shiftId));

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Retry_WithTheSameKey_ReturnsTheFirstResponse_AndAppliesOnce(TestDatabase database)
    {
        var (app, shifts) = await SetupAsync(fixture, database);
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
        var client = await app.ApiAsAsync(volunteer.Email, TestPeople.Password);
        var key = Guid.NewGuid().ToString();

        var first = await ApplyAsync(client, shifts[0], key);
        var retry = await ApplyAsync(client, shifts[0], key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.Equal(1, await ApplicationsAsync(app, shifts[0]));

        // Without the key the same request is a new attempt, which the application rules refuse.
        Assert.Equal(HttpStatusCode.Conflict, (await ApplyAsync(client, shifts[0], null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TheSameKey_ForAnotherRequest_IsRefused_InTheCallersLanguage_AndChangesNothing(TestDatabase database)
    {
        var (app, shifts) = await SetupAsync(fixture, database);
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
        var arabic = await app.ApiAsAsync(volunteer.Email, TestPeople.Password, language: "ar");
        var english = await app.ApiAsAsync(volunteer.Email, TestPeople.Password, language: "en");
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(arabic, shifts[0], key)).StatusCode);

        var ar = await ApplyAsync(arabic, shifts[1], key);
        var en = await ApplyAsync(english, shifts[1], key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ar.StatusCode);
        Assert.Equal("application/problem+json", ar.Content.Headers.ContentType?.MediaType);
        var arProblem = await ar.ReadJsonAsync();
        Assert.Equal("idempotency_key_reused", arProblem.GetProperty("code").GetString());
        Assert.Contains("لطلب مختلف", arProblem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("different request", (await en.ReadJsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await ApplicationsAsync(app, shifts[1]));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Keys_BelongToTheirCaller(TestDatabase database)
    {
        var (app, shifts) = await SetupAsync(fixture, database);
        var a = await app.ApiAsAsync((await app.CreatePersonAsync([Roles.Volunteer])).Email, TestPeople.Password);
        var b = await app.ApiAsAsync((await app.CreatePersonAsync([Roles.Volunteer])).Email, TestPeople.Password);
        var key = $"shared-{Guid.NewGuid()}";

        var first = await ApplyAsync(a, shifts[0], key);
        var other = await ApplyAsync(b, shifts[0], key);

        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.False(other.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
        Assert.Equal(2, await ApplicationsAsync(app, shifts[0]));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AnUnfinishedClaim_IsInProgress_UntilItsLeaseLapses_ThenTheRetryRunsAgain(TestDatabase database)
    {
        var (app, shifts) = await SetupAsync(fixture, database);
        var client = await app.ApiAsAsync((await app.CreatePersonAsync([Roles.Volunteer])).Email, TestPeople.Password);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(client, shifts[0], key)).StatusCode);
        // As if the node had died after the handler committed and before the response was stored.
        var claimedAt = app.Clock.GetUtcNow();
        await app.QueryAsync(db => db.IdempotentRequests.Where(r => r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedAt, (DateTimeOffset?)null).SetProperty(r => r.StatusCode, (int?)null).SetProperty(r => r.ClaimedAt, claimedAt)));

        var running = await ApplyAsync(client, shifts[0], key);
        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        Assert.Equal("idempotency_in_progress", (await running.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.NotNull(running.Headers.RetryAfter);

        app.Clock.Advance(IdempotencyMiddleware.Lease + TimeSpan.FromSeconds(1));
        var rerun = await ApplyAsync(client, shifts[0], key);

        // The handler ran again (no replay) and its own rule kept the application single.
        Assert.Equal(HttpStatusCode.Conflict, rerun.StatusCode);
        Assert.False(rerun.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.NotEqual("idempotency_in_progress", (await rerun.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(1, await ApplicationsAsync(app, shifts[0]));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task InvalidKeys_AreRefused_AndExpiredRecordsAreForgotten(TestDatabase database)
    {
        var (app, shifts) = await SetupAsync(fixture, database);
        var client = await app.ApiAsAsync((await app.CreatePersonAsync([Roles.Volunteer])).Email, TestPeople.Password);

        var tooLong = await ApplyAsync(client, shifts[0], new string('k', 201));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("idempotency_key_invalid", (await tooLong.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(0, await ApplicationsAsync(app, shifts[0]));

        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(client, shifts[0], key)).StatusCode);
        var requests = app.Services.GetRequiredService<IdempotentRequests>();
        Task<bool> KeptAsync() => app.QueryAsync(db => db.IdempotentRequests.AnyAsync(r => r.Key == key));
        app.Clock.Advance(IdempotentRequests.Retention - TimeSpan.FromMinutes(1));
        await requests.ForgetExpiredAsync(CancellationToken.None);
        Assert.True(await KeptAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await requests.ForgetExpiredAsync(CancellationToken.None) >= 1);
        Assert.False(await KeptAsync());
    }
}
