using Athar.Data;
using Athar.Data.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Infrastructure.Messaging;

/// <summary>
/// Sends what is due in the outbox. The outbox lives in the database, so a restart loses nothing; a failed
/// send is retried with back-off and its error kept for the admin page. Every node runs a dispatcher: each
/// message is claimed by one of them for <see cref="Lease"/> (see <see cref="OutboxClaims"/>), and a message
/// whose node died mid-send is claimed again by another node once the lease has run out.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IEnumerable<IMessageSender> senders, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : PeriodicJob(clock, logger)
{
    private const int BatchSize = 50;
    private const int MaxAttempts = 10;

    public TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

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
        var claims = await ClaimAsync(db, cancellationToken);
        if (claims.Count == 0)
            return 0;
        var ids = claims.Select(c => c.Id).ToList();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);

        foreach (var claim in claims)
        {
            var message = messages[claim.Id];
            var sender = senders.FirstOrDefault(s => s.Channel == message.Channel);
            try
            {
                if (sender is null)
                    throw new InvalidOperationException($"No sender for channel {message.Channel}.");
                await sender.SendAsync(message, cancellationToken);
                if (await OutboxClaims.CompleteAsync(db, claim, Clock.GetUtcNow(), cancellationToken) == 0)
                    Logger.LogWarning("Outbox message {MessageId} was sent after its lease ran out; another node may send it again", claim.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                await OutboxClaims.FailAsync(db, claim, error, Clock.GetUtcNow().AddSeconds(Math.Pow(2, claim.Attempts) * 5), cancellationToken);
                Logger.LogWarning("Outbox message {MessageId} failed (attempt {Attempt})", claim.Id, claim.Attempts);
            }
        }
        return claims.Count;
    }

    /// <summary>Takes a batch without sending it: what a node leaves behind when it dies right after claiming (tests use it).</summary>
    public Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(AtharDbContext db, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        return OutboxClaims.ClaimAsync(db, now, now + Lease, MaxAttempts, BatchSize, cancellationToken);
    }
}

/// <summary>Section <c>Athar:Messaging:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>How long a claimed message is held by its node; longer than a send can take (SMTP's own timeout is 100 s).</summary>
    public int LeaseSeconds { get; set; } = 180;
}
