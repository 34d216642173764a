using Athar.Core.Accounts;
using Athar.Data;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Athar.IntegrationTests.Privacy;

/// <summary>
/// What a node remembers per person to spare the database (the last activity written, who accepted the notice) stays
/// bounded: at national scale everyone who ever signed in on a node would otherwise stay in its memory.
/// </summary>
public sealed class RememberedPeopleBoundTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ActivityTracker_ForgetsPeopleItWroteOverAnHourAgo_AtItsNextPrune_AndWritesThemAgainWhenTheyReturn()
    {
        var app = fixture.For(TestDatabase.Sqlite);
        var tracker = new ActivityTracker(app.Clock, pruneEvery: 3);
        var people = await app.CreateVolunteersAsync(4);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();

        Assert.True(await tracker.TouchAsync(people[0], db, CancellationToken.None));
        Assert.True(await tracker.TouchAsync(people[1], db, CancellationToken.None));
        Assert.Equal(2, tracker.Remembered);

        // Two hours on, the third write since the last prune: the two written two hours ago are forgotten.
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await tracker.TouchAsync(people[2], db, CancellationToken.None));
        Assert.Equal(1, tracker.Remembered);

        // A forgotten person who returns is written again.
        Assert.True(await tracker.TouchAsync(people[0], db, CancellationToken.None));
        Assert.Equal((DateTimeOffset?)app.Clock.GetUtcNow(), await app.QueryAsync(d => d.Users.Where(u => u.Id == people[0]).Select(u => u.LastSeenAt).SingleAsync()));
    }

    [Fact]
    public async Task ConsentGate_RemembersAtMostItsCapacity_AndStillAnswersForAPersonItForgot()
    {
        var app = fixture.For(TestDatabase.Sqlite);
        var gate = new ConsentGate(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<IOptions<RegistrationPolicy>>(), app.Clock, capacity: 2);
        var people = await app.CreateVolunteersAsync(3);

        foreach (var person in people)
            Assert.False(await gate.MustConsentAsync(person, CancellationToken.None));
        Assert.InRange(gate.Remembered, 0, 2);
        Assert.False(await gate.MustConsentAsync(people[0], CancellationToken.None));
    }
}
