using Athar.Data.Audit;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Audit;

/// <summary>The audit trail for platform admins: entries newest first, filters, and an on-demand chain check.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class IndexModel(AuditQueries queries, AuditVerifier verifier) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public AuditReport? Report { get; private set; }

    public long? NextBefore => Rows.Count == AuditQueries.PageSize ? Rows[^1].Entry.Id : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Action is not null && !Core.Audit.AuditActions.All.Contains(Action))
            Action = null;
        if (Subject is { Length: > 64 })
            Subject = Subject[..64];
        Rows = await queries.PageAsync(Action, Subject, Before, cancellationToken);
    }

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Report = await verifier.VerifyAsync(cancellationToken);
        await OnGetAsync(cancellationToken);
    }
}
