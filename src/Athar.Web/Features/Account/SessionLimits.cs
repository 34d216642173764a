namespace Athar.Web.Features.Account;

/// <summary>
/// Absolute session lifetimes (ASVS 7.3.2) and the number of parallel sessions an account may hold (ASVS 7.1.2),
/// from <c>Athar:Sessions</c>. Activity never extends a lifetime.
/// </summary>
public sealed class SessionLimits
{
    public const string Section = "Athar:Sessions";

    /// <summary>
    /// How long a node trusts its last look at a session before reading it again: an ended session stops working on
    /// the node that ended it at once and on every other node within this bound.
    /// </summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>Last-seen times move in steps of this size, so an active session writes at most once per step.</summary>
    public static readonly TimeSpan LastSeenStep = TimeSpan.FromMinutes(5);

    /// <summary>A browser sign-in ends this long after it began, however active (the cookie's own 8 h slide inside it).</summary>
    public TimeSpan BrowserLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>An API sign-in (access token and its chain of refresh tokens) ends this long after it began.</summary>
    public TimeSpan ApiLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Open sessions (browsers and API sign-ins together) one account may hold; a sign-in beyond it ends the least
    /// recently used. Ten covers a person's phone, laptop, work computer and apps with room to spare, while a shared
    /// or stolen password cannot keep an unbounded number of sessions open.
    /// </summary>
    public int MaxPerAccount { get; set; } = 10;

    public TimeSpan LifetimeOf(Athar.Data.Accounts.SessionKind kind) =>
        kind == Athar.Data.Accounts.SessionKind.Api ? ApiLifetime : BrowserLifetime;
}
