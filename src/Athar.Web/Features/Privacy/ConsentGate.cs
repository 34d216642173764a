using System.Collections.Concurrent;
using Athar.Core.Accounts;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Web.Security;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Privacy;

/// <summary>
/// When the privacy notice changes version, a person who accepted an earlier one is asked to accept the new one
/// before any other page (PDPL: consent is to the notice as it stands). Accounts that never consented (staff made
/// by invitation or the CLI) are not held up. Who has accepted the current version is remembered per node, so the
/// database is asked once per person, not per page.
/// </summary>
public sealed class ConsentGate(IServiceScopeFactory scopes, IOptions<RegistrationPolicy> policy)
{
    public const string ConsentPath = "/me/consent";

    private readonly ConcurrentDictionary<Guid, bool> _current = new();

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
            _current.TryAdd(userId, true);
            return false;
        }
        return true;
    }

    public void Accepted(Guid userId) => _current.TryAdd(userId, true);

    /// <summary>The page filter: sends people who owe a consent to <see cref="ConsentPath"/>, then back.</summary>
    public sealed class Filter(ConsentGate gate) : IAsyncPageFilter
    {
        // The consent page itself, the notice it points to, signing in and out, and error pages.
        private static readonly string[] Exempt = [ConsentPath, "/legal", "/account", "/error"];

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var http = context.HttpContext;
            var path = http.Request.Path;
            var exempt = Exempt.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
            if (!exempt && http.User.UserId() is { } userId && await gate.MustConsentAsync(userId, http.RequestAborted))
            {
                var back = path + http.Request.QueryString;
                context.Result = new RedirectResult(ConsentPath + "?returnUrl=" + Uri.EscapeDataString(back));
                return;
            }
            await next();
        }
    }
}
