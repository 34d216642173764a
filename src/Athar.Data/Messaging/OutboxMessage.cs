namespace Athar.Data.Messaging;

/// <summary>
/// A message waiting to be sent (email or SMS). Written in the same transaction as the change
/// that causes it, so nothing is sent for a change that rolled back and nothing is lost on restart.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public MessageChannel Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public Guid? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}

public enum MessageChannel
{
    Email = 1,
    Sms = 2,
}
