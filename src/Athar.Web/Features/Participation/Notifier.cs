using Athar.Data;
using Athar.Data.Notifications;
using Athar.Web.Infrastructure;
using Athar.Web.Infrastructure.Messaging;
using Athar.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

/// <summary>
/// Tells a person something: an in-app notification (rendered in their language when read) and an
/// e-mail in their language, both added to the caller's unit of work so they commit with the change.
/// </summary>
public sealed class Notifier(AtharDbContext db, Outbox outbox, PublicUrls urls, IStringLocalizer<ParticipationText> t, TimeProvider clock)
{
    public const char Separator = '|';

    public async Task NotifyAsync(Guid userId, string kind, string? link, params string[] arguments)
    {
        db.Notifications.Add(new Notification
        {
            UserId = userId,
            Kind = kind,
            Arguments = string.Join(Separator, arguments.Select(a => a.Replace(Separator, '/'))),
            Link = link,
            CreatedAt = clock.GetUtcNow(),
        });
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.PreferredLanguage }).FirstOrDefaultAsync();
        if (person?.Email is null)
            return;
        using var _ = CultureScope.For(person.PreferredLanguage);
        var localized = Localize(arguments);
        var body = t[$"Notification.{kind}", localized].Value;
        if (link is not null)
            body += "\n\n" + urls.Absolute(link);
        outbox.Email(person.Email, t["Notification.EmailSubject"], body, userId);
    }

    /// <summary>Bilingual arguments are stored as "Arabic/English" pairs ("ar¦en") and resolved for the reader.</summary>
    public static object[] Localize(IEnumerable<string> arguments) =>
        arguments.Select(a => (object)(a.Split('¦') is [var ar, var en] ? (AtharCultures.IsArabic(System.Globalization.CultureInfo.CurrentUICulture) ? ar : en) : a)).ToArray();

    public static string Bilingual(Core.Localization.LocalizedText text) => $"{text.Ar}¦{text.En ?? text.Ar}";
}
