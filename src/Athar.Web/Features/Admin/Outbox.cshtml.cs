using Athar.Data;
using Athar.Data.Messaging;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Admin;

/// <summary>Messages the platform sent or will send; in development this is where e-mail and SMS are read.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class OutboxModel(AtharDbContext db) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public async Task OnGetAsync(long? before, CancellationToken cancellationToken)
    {
        var query = db.OutboxMessages.AsNoTracking();
        if (before is { } b)
            query = query.Where(m => m.Id < b);
        Messages = await query.OrderByDescending(m => m.Id).Take(PageSize).ToListAsync(cancellationToken);
        NextBefore = Messages.Count == PageSize ? Messages[^1].Id : null;
    }
}
