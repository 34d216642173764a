using Athar.Data;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Infrastructure.Messaging;

/// <summary>
/// Sends what is due in the outbox. The outbox lives in the database, so a restart loses nothing;
/// a failed send is retried with back-off and its error kept for the admin page.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IEnumerable<IMessageSender> senders, TimeProvider clock, ILogger<OutboxDispatcher> logger) : PeriodicJob(clock, logger)
{
    private const int BatchSize = 50;
    private const int MaxAttempts = 10;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    public override async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        while (await DispatchBatchAsync(cancellationToken) == BatchSize)
        {
        }
    }

    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        var now = Clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in due)
        {
            var sender = senders.FirstOrDefault(s => s.Channel == message.Channel);
            message.Attempts++;
            try
            {
                if (sender is null)
                    throw new InvalidOperationException($"No sender for channel {message.Channel}.");
                await sender.SendAsync(message, cancellationToken);
                message.SentAt = Clock.GetUtcNow();
                message.LastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                message.NextAttemptAt = Clock.GetUtcNow().AddSeconds(Math.Pow(2, message.Attempts) * 5);
                Logger.LogWarning("Outbox message {MessageId} failed (attempt {Attempt})", message.Id, message.Attempts);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
