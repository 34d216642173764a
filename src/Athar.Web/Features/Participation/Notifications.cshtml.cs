using Athar.Data;
using Athar.Data.Notifications;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Participation;

[Authorize]
public sealed class NotificationsModel(AtharDbContext db, NotificationTexts texts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(Notification Notification, string Text)> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(100).ToListAsync(cancellationToken);
        Items = rows.Select(n => (n, texts.Render(n))).ToList();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), cancellationToken);
        return RedirectToPage();
    }
}
