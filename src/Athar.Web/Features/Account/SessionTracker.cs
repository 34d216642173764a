using System.Collections.Concurrent;
using System.Security.Claims;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Account;

/// <summary>One of a person's open sessions, as the page and the API list it; <c>Current</c> marks the one asking.</summary>
public sealed record SessionItem(Guid Id, SessionKind Kind, string Device, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);

/// <summary>
/// Server-side record of each sign-in (ASVS 7.4.5, 7.5.2, 7.3.2). The session's id travels in the cookie or token as
/// the <see cref="Claim"/> claim; every authenticated request checks it against the record (through
/// <see cref="SessionCache"/>, so mostly without the database), so ending a record ends that cookie or token.
/// </summary>
public sealed class SessionTracker(AtharDbContext db, SessionCache cache, TimeProvider clock, IOptions<SessionLimits> limits)
{
    public const string Claim = "athar:sid";

    /// <summary>Kept in the authentication properties too: Identity's refresh sign-in rebuilds the claims but keeps those.</summary>
    public const string PropertiesItem = "athar.sid";

    public static Guid? IdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(Claim), out var id) ? id : null;

    /// <summary>Records a new sign-in; when the account then holds more than <see cref="SessionLimits.MaxPerAccount"/> sessions, the least recently used end.</summary>
    public async Task<Guid> StartAsync(Guid userId, SessionKind kind, HttpContext http)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(now), UserId = userId, Kind = kind, Device = Truncate(DeviceLabel.From(http.Request.Headers.UserAgent)),
            CreatedAt = now, LastSeenAt = now,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        cache.Remember(session.Id, new SessionCache.Entry(userId, kind, now, now));
        await EndLeastRecentlyUsedBeyondLimitAsync(userId, session.Id, http);
        return session.Id;
    }

    /// <summary>
    /// The new sign-in wins over the oldest activity: the sessions beyond the limit that were seen least recently end
    /// as "end session" ends them (at once on this node, within <see cref="SessionLimits.RecheckInterval"/> on the others).
    /// </summary>
    private async Task EndLeastRecentlyUsedBeyondLimitAsync(Guid userId, Guid started, HttpContext http)
    {
        var now = clock.GetUtcNow();
        var max = Math.Max(1, limits.Value.MaxPerAccount);
        var open = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null && s.Id != started)
            .Select(s => new { s.Id, s.Kind, s.CreatedAt, s.LastSeenAt }).ToListAsync();
        // Sessions past their lifetime no longer count: they end at their next request.
        var live = open.Where(s => now - s.CreatedAt < limits.Value.LifetimeOf(s.Kind)).ToList();
        if (live.Count + 1 <= max)
            return;
        var ending = live.OrderBy(s => s.LastSeenAt).ThenBy(s => s.CreatedAt).Take(live.Count + 1 - max).Select(s => s.Id).ToList();
        await EndManyAsync(ending);
        foreach (var id in ending)
            http.SessionEndedByLimit(userId, id, max);
    }

    /// <summary>
    /// The cookie handler is signing someone in: a refresh of this browser's sign-in keeps its session (the id is in
    /// the properties), any other sign-in starts a new one.
    /// </summary>
    public async Task AttachToCookieAsync(ClaimsPrincipal principal, AuthenticationProperties properties, HttpContext http)
    {
        if (principal.Identity is not ClaimsIdentity identity || principal.UserId() is not { } userId)
            return;
        var inClaims = IdOf(principal);
        var id = inClaims
            ?? (Guid.TryParse(properties.GetString(PropertiesItem), out var kept) ? kept : await StartAsync(userId, SessionKind.Browser, http));
        if (inClaims is null)
            identity.AddClaim(new Claim(Claim, id.ToString()));
        properties.SetString(PropertiesItem, id.ToString());
    }

    /// <summary>Issues an API access and refresh token for a new session (the bearer handler writes the response).</summary>
    public async Task SignInWithTokenAsync(SignInManager<AtharUser> signIn, AtharUser user, HttpContext http)
    {
        var id = await StartAsync(user.Id, SessionKind.Api, http);
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(Claim, id.ToString())]);
    }

    /// <summary>
    /// Whether the principal's session is still open and within its absolute lifetime. The record is read at most
    /// once per <see cref="SessionLimits.RecheckInterval"/> per node; a session past its lifetime is ended here.
    /// </summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal)
    {
        if (IdOf(principal) is not { } id || principal.UserId() is not { } userId)
            return false;
        var now = clock.GetUtcNow();
        if (!cache.TryGet(id, out var entry) || now - entry.CheckedAt >= SessionLimits.RecheckInterval)
        {
            var row = await db.UserSessions.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new { s.UserId, s.Kind, s.CreatedAt, s.LastSeenAt, s.EndedAt }).FirstOrDefaultAsync();
            if (row is null || row.EndedAt is not null || row.UserId != userId)
            {
                cache.Forget(id);
                return false;
            }
            if (now - row.LastSeenAt >= SessionLimits.LastSeenStep)
                await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
            entry = new SessionCache.Entry(row.UserId, row.Kind, row.CreatedAt, now);
            cache.Remember(id, entry);
        }
        if (entry.UserId != userId)
            return false;
        if (now - entry.CreatedAt >= limits.Value.LifetimeOf(entry.Kind))
        {
            await EndAsync(userId, id);
            return false;
        }
        return true;
    }

    /// <summary>The person's open sessions, most recently seen first; sessions past their lifetime are left out.</summary>
    public async Task<IReadOnlyList<SessionItem>> ListAsync(Guid userId, Guid? current)
    {
        var now = clock.GetUtcNow();
        var rows = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null)
            .Select(s => new { s.Id, s.Kind, s.Device, s.CreatedAt, s.LastSeenAt }).ToListAsync();
        // Few rows per person; SQLite cannot order by a DateTimeOffset, so sort here.
        return rows.Where(s => now - s.CreatedAt < limits.Value.LifetimeOf(s.Kind))
            .OrderByDescending(s => s.Id == current).ThenByDescending(s => s.LastSeenAt)
            .Select(s => new SessionItem(s.Id, s.Kind, s.Device, s.CreatedAt, s.LastSeenAt, s.Id == current)).ToList();
    }

    /// <summary>Ends one of the person's sessions; false when they have none with this id (someone else's included).</summary>
    public async Task<bool> EndAsync(Guid userId, Guid sessionId)
    {
        var now = clock.GetUtcNow();
        var mine = await db.UserSessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId);
        if (!mine)
            return false;
        await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        cache.Forget(sessionId);
        return true;
    }

    /// <summary>"End this session" from the page or the API: another person's session id is refused like an unknown one, and logged.</summary>
    public async Task<bool> EndOwnAsync(HttpContext http, Guid userId, Guid sessionId)
    {
        if (await EndAsync(userId, sessionId))
            return true;
        await http.LogIfSomeoneElsesAsync(db.UserSessions.Where(s => s.Id == sessionId), nameof(UserSession), sessionId, "End");
        return false;
    }

    /// <summary>Ends every session of the person but the one given (the page's "sign out everywhere else").</summary>
    public async Task<int> EndOthersAsync(Guid userId, Guid? keep)
    {
        var others = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep).Select(s => s.Id).ToListAsync();
        await EndManyAsync(others);
        return others.Count;
    }

    private async Task EndManyAsync(List<Guid> ids)
    {
        if (ids.Count == 0)
            return;
        var now = clock.GetUtcNow();
        await db.UserSessions.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        foreach (var id in ids)
            cache.Forget(id);
    }

    /// <summary>
    /// A reset attempt's outcome: logged, and on success every session of the account ends (ASVS 7.4.3): whoever
    /// reset the password may be locking out someone who had the old one.
    /// </summary>
    public async Task PasswordResetOutcomeAsync(HttpContext http, Guid userId, IdentityResult result)
    {
        http.PasswordResetOutcome(userId, result);
        if (result.Succeeded)
            await EndOthersAsync(userId, keep: null);
    }

    private static string Truncate(string label) => label.Length <= 60 ? label : label[..60];
}

/// <summary>
/// Per node: what the node last read about each session it has seen, so an active session costs one small read a
/// minute rather than one per request. Ending a session forgets it here at once; other nodes re-read within
/// <see cref="SessionLimits.RecheckInterval"/>.
/// </summary>
public sealed class SessionCache
{
    // Entries are small; a node that somehow sees this many distinct sessions in a recheck window starts afresh.
    private const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public sealed record Entry(Guid UserId, SessionKind Kind, DateTimeOffset CreatedAt, DateTimeOffset CheckedAt);

    public bool TryGet(Guid id, out Entry entry) => _entries.TryGetValue(id, out entry!);

    public void Remember(Guid id, Entry entry)
    {
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        _entries[id] = entry;
    }

    public void Forget(Guid id) => _entries.TryRemove(id, out _);
}
