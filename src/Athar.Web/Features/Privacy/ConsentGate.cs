using System.Collections.Concurrent;
using Athar.Core.Accounts;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Privacy;

/// <summary>
/// When the privacy notice changes version, a person who accepted an earlier one is asked to accept the new one
/// before any other page or API call (PDPL: consent is to the notice as it stands). Accounts that never consented
/// (staff made by invitation or the CLI) are not held up. Who has accepted the current version is remembered per
/// node, so the database is asked once per person, not per request; up to <paramref name="capacity"/> people, after which
/// the node starts remembering afresh (a person forgotten is asked the database once more), so its memory stays bounded
/// at national scale.
/// </summary>
public sealed class ConsentGate(IServiceScopeFactory scopes, IOptions<RegistrationPolicy> policy, TimeProvider clock, int capacity = 200_000)
{
    public const string ConsentPath = "/me/consent";
    public const string ApiConsentPath = "/api/v1/me/consent";
    public const string ProblemType = "urn:athar:problem:consent-required";

    // Reaching the notice and accepting it, signing in and out, and the person's rights (download, deletion) stay
    // open: a person who will not accept the new notice must still be able to take their data and leave.
    private static readonly string[] ExemptPages = [ConsentPath, "/me/data", "/me/delete", "/legal", "/account", "/error"];
    private static readonly string[] ExemptApi = [ApiConsentPath, "/api/v1/me/data", "/api/v1/auth", "/api/v1/guardian-consent"];

    private readonly ConcurrentDictionary<Guid, bool> _current = new();
    // Counted beside the dictionary: ConcurrentDictionary.Count takes every bucket lock, too dear on each request.
    private int _remembered;

    /// <summary>People this node remembers as having accepted the current notice (diagnostics and tests).</summary>
    public int Remembered => _current.Count;

    private void Remember(Guid userId)
    {
        if (!_current.TryAdd(userId, true))
            return;
        if (Interlocked.Increment(ref _remembered) > capacity)
        {
            Interlocked.Exchange(ref _remembered, 0);
            _current.Clear();
        }
    }

    public string CurrentVersion => policy.Value.PrivacyNoticeVersion;

    public async Task<bool> MustConsentAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_current.ContainsKey(userId))
            return false;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        var versions = await db.ConsentRecords.AsNoTracking()
            .Where(c => c.UserId == userId && c.Kind == ConsentKind.PrivacyNotice)
            .Select(c => c.Version).Distinct().ToListAsync(cancellationToken);
        if (versions.Count == 0 || versions.Contains(CurrentVersion))
        {
            Remember(userId);
            return false;
        }
        return true;
    }

    /// <summary>The person's latest acceptance of the privacy notice, and whether they owe one for the current version.</summary>
    public async Task<ConsentStatus> StatusAsync(Guid userId, CancellationToken cancellationToken)
    {
        var mustConsent = await MustConsentAsync(userId, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        var latest = await db.ConsentRecords.AsNoTracking()
            .Where(c => c.UserId == userId && c.Kind == ConsentKind.PrivacyNotice)
            .OrderByDescending(c => c.Id)
            .Select(c => new { c.Version, c.AcceptedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return new ConsentStatus(CurrentVersion, latest?.Version, latest?.AcceptedAt, mustConsent);
    }

    /// <summary>
    /// Records that the person accepted the current version (once: accepting again changes nothing), for the page
    /// and the API alike. Returns the acceptance on record.
    /// </summary>
    public async Task<DateTimeOffset> AcceptAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        var existing = await db.ConsentRecords.AsNoTracking()
            .Where(c => c.UserId == userId && c.Kind == ConsentKind.PrivacyNotice && c.Version == CurrentVersion)
            .Select(c => (DateTimeOffset?)c.AcceptedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            var record = new ConsentRecord { UserId = userId, Kind = ConsentKind.PrivacyNotice, Version = CurrentVersion, AcceptedAt = clock.GetUtcNow() };
            db.ConsentRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            existing = record.AcceptedAt;
        }
        Remember(userId);
        return existing.Value;
    }

    private static bool IsExempt(PathString path, string[] prefixes) =>
        prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The page filter: sends people who owe a consent to <see cref="ConsentPath"/>, then back.</summary>
    public sealed class Filter(ConsentGate gate) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var http = context.HttpContext;
            var path = http.Request.Path;
            if (!IsExempt(path, ExemptPages) && http.User.UserId() is { } userId && await gate.MustConsentAsync(userId, http.RequestAborted))
            {
                var back = path + http.Request.QueryString;
                context.Result = new RedirectResult(ConsentPath + "?returnUrl=" + Uri.EscapeDataString(back));
                return;
            }
            await next();
        }
    }

    /// <summary>
    /// The API's counterpart of <see cref="Filter"/>: a signed-in caller who owes a consent gets 403 with a
    /// <see cref="ProblemType"/> problem on every /api/v1 route but the exempt ones, reads included, as the pages do.
    /// It runs before the idempotency middleware, so the refusal never claims an Idempotency-Key: once the caller
    /// has accepted, a retry with the same key performs the write.
    /// </summary>
    public static IApplicationBuilder UseApiConsentGate(IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if (http.Request.IsApi() && !IsExempt(path, ExemptApi) && http.User.UserId() is { } userId)
        {
            var gate = http.RequestServices.GetRequiredService<ConsentGate>();
            if (await gate.MustConsentAsync(userId, http.RequestAborted))
            {
                var t = http.RequestServices.GetRequiredService<IStringLocalizer<PrivacyText>>();
                var problem = new ProblemDetails
                {
                    Type = ProblemType,
                    Status = StatusCodes.Status403Forbidden,
                    Title = t["Consent.Required.Title"],
                    Detail = t["Consent.Required.Detail", gate.CurrentVersion, ApiConsentPath],
                };
                problem.Extensions["code"] = "consent_required";
                problem.Extensions["currentVersion"] = gate.CurrentVersion;
                await TypedResults.Problem(problem).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });
}

/// <summary>What GET /api/v1/me/consent answers.</summary>
public sealed record ConsentStatus(string CurrentVersion, string? AcceptedVersion, DateTimeOffset? AcceptedAt, bool MustConsent);
