using Athar.Data;
using Athar.Data.Notifications;
using Athar.Web.Infrastructure;
using Athar.Web.Infrastructure.Messaging;
using Athar.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

/// <summary>
/// Tells a person something: an in-app notification (rendered in their language when read), and an
/// e-mail and an SMS in their language, all added to the caller's unit of work so they commit with the change.
/// </summary>
public sealed class Notifier(AtharDbContext db, Outbox outbox, PublicUrls urls, IStringLocalizer<ParticipationText> t, NotificationTexts texts, TimeProvider clock)
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
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.PhoneNumber, u.PreferredLanguage }).FirstOrDefaultAsync();
        if (person is null)
            return;
        using var _ = CultureScope.For(person.PreferredLanguage);
        var text = texts.Render(kind, Localize(arguments));
        var url = link is null ? null : urls.Absolute(link);
        if (person.Email is not null)
            outbox.Email(person.Email, t["Notification.EmailSubject"], url is null ? text : $"{text}\n\n{url}", userId);
        if (person.PhoneNumber is not null)
            outbox.Sms(person.PhoneNumber, url is null ? $"{t["Notification.SmsPrefix"]} {text}" : $"{t["Notification.SmsPrefix"]} {text} {url}", userId);
    }

    /// <summary>
    /// Bilingual arguments are stored as "Arabic¦English" pairs and resolved for the reader; plain figures
    /// (hours, dates, times) take the reader's digits. Names and other people's text stay as typed.
    /// </summary>
    public static object[] Localize(IEnumerable<string> arguments) =>
        arguments.Select(a => (object)(a.Split('¦') switch
        {
            [var ar, var en] => AtharCultures.IsArabic(System.Globalization.CultureInfo.CurrentUICulture) ? ar : en,
            _ when a.Length > 0 && a.All(c => char.IsAsciiDigit(c) || c is '.' or ':' or '-') => Display.Digits(a),
            _ => a,
        })).ToArray();

    public static string Bilingual(Core.Localization.LocalizedText text) => $"{text.Ar}¦{text.En ?? text.Ar}";
}
