using Athar.Data;
using Athar.Data.Messaging;

namespace Athar.Web.Infrastructure.Messaging;

/// <summary>Adds messages to the outbox in the caller's unit of work; they are saved with the change that caused them.</summary>
public sealed class Outbox(AtharDbContext db, TimeProvider clock)
{
    public void Email(string to, string subject, string body, Guid? userId = null) => Add(MessageChannel.Email, to, subject, body, userId);

    public void Sms(string to, string body, Guid? userId = null) => Add(MessageChannel.Sms, to, "SMS", body, userId);

    private void Add(MessageChannel channel, string to, string subject, string body, Guid? userId) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = channel,
            Recipient = to,
            Subject = subject,
            Body = body,
            UserId = userId,
            CreatedAt = clock.GetUtcNow(),
        });
}
