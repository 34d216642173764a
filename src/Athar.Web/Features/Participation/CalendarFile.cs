using System.Globalization;
using System.Text;

namespace Athar.Web.Features.Participation;

/// <summary>An iCalendar (RFC 5545) file for one accepted shift, so it lands in the volunteer's own calendar.</summary>
public static class CalendarFile
{
    public static string ForShift(Guid applicationId, string title, string? location, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now, string url)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Athar//Volunteering//AR");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "BEGIN:VEVENT");
        Line(sb, $"UID:{applicationId:N}@athar");
        Line(sb, $"DTSTAMP:{Utc(now)}");
        Line(sb, $"DTSTART:{Utc(startsAt)}");
        Line(sb, $"DTEND:{Utc(endsAt)}");
        Line(sb, $"SUMMARY:{Escape(title)}");
        if (!string.IsNullOrWhiteSpace(location))
            Line(sb, $"LOCATION:{Escape(location)}");
        Line(sb, $"URL:{url}");
        Line(sb, "BEGIN:VALARM");
        Line(sb, "TRIGGER:-PT2H");
        Line(sb, "ACTION:DISPLAY");
        Line(sb, $"DESCRIPTION:{Escape(title)}");
        Line(sb, "END:VALARM");
        Line(sb, "END:VEVENT");
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines end in CRLF and fold at 75 octets, as the standard asks (Arabic is multi-byte).</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var bytes = 0;
        var first = true;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (bytes + size > (first ? 75 : 74))
            {
                sb.Append("\r\n ");
                bytes = 0;
                first = false;
            }
            sb.Append(rune.ToString());
            bytes += size;
        }
        sb.Append("\r\n");
    }
}
