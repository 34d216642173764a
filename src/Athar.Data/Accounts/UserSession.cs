namespace Athar.Data.Accounts;

/// <summary>
/// One sign-in (a browser cookie or an API token and its refresh chain), so the person can see where they are signed
/// in and end it. Holds no IP address: a short device label is enough to recognise a session (data minimisation).
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public SessionKind Kind { get; set; }

    /// <summary>Browser and operating system read from the User-Agent, e.g. "Firefox · Windows"; empty when unknown.</summary>
    public required string Device { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Moved forward at most every few minutes, never on every request.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}

public enum SessionKind
{
    Browser = 1,
    Api = 2,
}
