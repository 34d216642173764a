using Athar.Core.Organizations;
using Athar.Data;
using Athar.Data.Notifications;
using Athar.Data.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Infrastructure.Messaging;
using Athar.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Organizations;

/// <summary>
/// Tells an organisation's admins about its verification: an in-app notification and an e-mail in each admin's
/// language, added to the caller's unit of work so they commit with the status change. The notification keeps
/// the name in both languages as its arguments ("Arabic|English|reason"); the Arabic text uses {0}, the English {1}.
/// </summary>
public sealed class OrganizationNotifier(AtharDbContext db, Outbox outbox, PublicUrls urls, IStringLocalizer<OrganizationsText> t, TimeProvider clock)
{
    public const char Separator = '|';

    public async Task StatusChangedAsync(Organization organization, OrganizationStatusChange change, CancellationToken cancellationToken)
    {
        var admins = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.OrganizationId == organization.Id && m.Role == OrganizationRole.Admin)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.PreferredLanguage })
            .ToListAsync(cancellationToken);
        string[] arguments = [Clean(organization.Name.Ar), Clean(organization.Name.En ?? organization.Name.Ar), Clean(change.Reason ?? string.Empty)];
        var link = $"/org/{organization.Id}";
        var now = clock.GetUtcNow();
        foreach (var admin in admins)
        {
            db.Notifications.Add(new Notification
            {
                UserId = admin.Id,
                Kind = change.NotificationKind,
                Arguments = string.Join(Separator, arguments),
                Link = link,
                CreatedAt = now,
            });
            if (admin.Email is null)
                continue;
            using var _ = CultureScope.For(admin.PreferredLanguage);
            var name = AtharCultures.IsArabic(System.Globalization.CultureInfo.CurrentUICulture) ? arguments[0] : arguments[1];
            var body = t[$"Notification.{change.NotificationKind}", arguments.Cast<object>().ToArray()].Value + "\n\n" + urls.Absolute(link);
            outbox.Email(admin.Email, t["Email.OrganizationStatus.Subject", name], body, admin.Id);
        }
    }

    // The separators of stored arguments (and the "ar¦en" pair marker the notification renderer knows) never appear inside one.
    private static string Clean(string value) => value.Replace(Separator, '/').Replace('¦', '/');
}
