using System.Collections.Concurrent;
using Athar.Data;
using Athar.Data.Messaging;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Athar.IntegrationTests.Cluster;

/// <summary>
/// The outbox with several dispatchers at once, as with several app nodes: every message sent once, and a
/// message claimed by a node that died is sent by another once the claim's lease has run out.
/// Each test has its own database and drives its dispatchers itself (the app's hosted one is removed).
/// </summary>
public sealed class OutboxOnSeveralNodesTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ThreeDispatchersAtOnce_SendEachMessageExactlyOnce(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database);
        var (node, sends) = CountingNode(app);
        var ids = await AddMessagesAsync(node, "burst", 180);

        var dispatchers = Enumerable.Range(0, 3).Select(_ => ActivatorUtilities.CreateInstance<OutboxDispatcher>(node.Services)).ToList();
        await Task.WhenAll(dispatchers.Select(d => Task.Run(() => d.RunOnceAsync())));

        Assert.All(ids, id => Assert.Equal(1, sends.GetValueOrDefault(id)));
        var stored = await Messages(node, ids);
        Assert.All(stored, m => Assert.Equal((true, 1), (m.SentAt is not null, m.Attempts)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AMessageClaimedByADeadNode_IsSentByAnotherAfterTheLease_AndTheDeadClaimCannotComplete(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database);
        var (node, sends) = CountingNode(app);
        var ids = await AddMessagesAsync(node, "orphan", 3);
        var dead = ActivatorUtilities.CreateInstance<OutboxDispatcher>(node.Services);
        var alive = ActivatorUtilities.CreateInstance<OutboxDispatcher>(node.Services);

        List<ClaimedMessage> orphaned;
        await using (var scope = node.Services.CreateAsyncScope())
            orphaned = (await dead.ClaimAsync(scope.ServiceProvider.GetRequiredService<AtharDbContext>(), default)).Where(c => ids.Contains(c.Id)).ToList();
        Assert.Equal(ids.Order(), orphaned.Select(c => c.Id).Order());

        await alive.RunOnceAsync();
        Assert.All(ids, id => Assert.Equal(0, sends.GetValueOrDefault(id))); // still leased to the dead node

        app.Clock.Advance(alive.Lease + TimeSpan.FromSeconds(1));
        await alive.RunOnceAsync();
        Assert.All(ids, id => Assert.Equal(1, sends.GetValueOrDefault(id)));

        // The dead node's late completion is fenced off by the attempt count it claimed with.
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
            Assert.Equal(0, await OutboxClaims.CompleteAsync(db, orphaned[0], app.Clock.GetUtcNow(), default));
        }
        Assert.All(await Messages(node, ids), m => Assert.Equal((true, 2), (m.SentAt is not null, m.Attempts)));
    }

    /// <summary>The app with senders that count deliveries per message id, and no dispatcher of its own.</summary>
    private static (WebApplicationFactory<Program> Node, ConcurrentDictionary<long, int> Sends) CountingNode(AtharAppFactory app)
    {
        var sends = new ConcurrentDictionary<long, int>();
        var node = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<IMessageSender>();
            var hosted = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxDispatcher));
            services.Remove(hosted);
            services.AddSingleton<IMessageSender>(new CountingSender(MessageChannel.Email, sends));
            services.AddSingleton<IMessageSender>(new CountingSender(MessageChannel.Sms, sends));
        }));
        _ = node.Server;
        return (node, sends);
    }

    private static async Task<List<long>> AddMessagesAsync(WebApplicationFactory<Program> node, string tag, int count)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        var messages = Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            Channel = i % 2 == 0 ? MessageChannel.Email : MessageChannel.Sms,
            Recipient = $"{tag}{i}@cluster.test",
            Subject = tag,
            Body = $"{tag} {i}",
        }).ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    }

    private static async Task<List<OutboxMessage>> Messages(WebApplicationFactory<Program> node, List<long> ids)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AtharDbContext>().OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync();
    }

    private sealed class CountingSender(MessageChannel channel, ConcurrentDictionary<long, int> sends) : IMessageSender
    {
        public MessageChannel Channel { get; } = channel;

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            // A real send takes time; yielding lets the other dispatchers interleave with this one.
            await Task.Yield();
            sends.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        }
    }
}
