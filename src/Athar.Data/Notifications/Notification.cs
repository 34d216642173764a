namespace Athar.Data.Notifications;

/// <summary>
/// An in-app notification. The text is rendered in the reader's language when read, from a resource
/// key and its arguments, so switching language translates old notifications too.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public required string Kind { get; set; }
    public string Arguments { get; set; } = string.Empty;
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
