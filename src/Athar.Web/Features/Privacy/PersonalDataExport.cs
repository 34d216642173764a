using System.Globalization;
using System.Text;
using System.Text.Json;
using Athar.Core.Text;
using Athar.Data;
using Athar.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Privacy;

/// <summary>
/// Everything Athar holds about one person, for the PDPL right of access and copy: the profile, consents,
/// applications, attendance, hours, training, licences, documents, teams, badges and notifications. Only ever
/// built for the signed-in person themself; the JSON is the record, the CSV the same record flattened.
/// </summary>
public sealed class PersonalDataExport(AtharDbContext db, NotificationTexts texts, TimeProvider clock)
{
    public sealed record Record(
        DateTimeOffset GeneratedAt,
        object Profile,
        IReadOnlyList<object> Consents,
        IReadOnlyList<object> Applications,
        IReadOnlyList<object> Attendance,
        IReadOnlyList<object> Hours,
        IReadOnlyList<object> Training,
        IReadOnlyList<object> Licenses,
        IReadOnlyList<object> Certificates,
        IReadOnlyList<object> Teams,
        IReadOnlyList<object> Badges,
        IReadOnlyList<object> Notifications);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<Record> ForAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Volunteer).ThenInclude(v => v!.Fields).FirstAsync(u => u.Id == userId, cancellationToken);
        var v = user.Volunteer;
        var profile = new
        {
            user.Id, user.FullNameAr, user.FullNameEn, user.Email, user.EmailConfirmed, Mobile = user.PhoneNumber, user.PreferredLanguage, user.CreatedAt, user.LastSeenAt,
            v?.NationalId, v?.Gender, v?.BirthDate, v?.RegionId, v?.CityId, v?.Skills, v?.Education, v?.Profession, v?.RegisteredAt,
            FieldIds = v?.Fields.Select(f => f.FieldId).Order().ToList(),
            v?.GuardianConsentRequired, v?.GuardianConsentConfirmedAt,
            ShowInRankings = await db.RankingConsents.Where(r => r.UserId == userId).Select(r => (bool?)r.ShowInRankings).FirstOrDefaultAsync(cancellationToken) ?? false,
        };
        var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id)
            .Select(c => new { c.Kind, c.Version, c.AcceptedAt }).ToListAsync(cancellationToken);
        var applications = await (
                from a in db.Applications.AsNoTracking()
                join o in db.Opportunities on a.OpportunityId equals o.Id
                join s in db.Shifts on a.ShiftId equals s.Id
                where a.VolunteerId == userId
                orderby a.CreatedAt
                select new { a.Id, Opportunity = o.Title, s.Date, s.StartTime, s.EndTime, a.Status, a.Reason, a.TeamId, a.CreatedAt, a.DecidedAt })
            .ToListAsync(cancellationToken);
        var attendance = await db.Attendance.AsNoTracking().Where(x => x.VolunteerId == userId).OrderBy(x => x.CheckInAt)
            .Select(x => new { x.Id, x.ApplicationId, x.CheckInAt, x.CheckInMethod, x.CheckOutAt, x.CheckOutMethod }).ToListAsync(cancellationToken);
        var hours = await (
                from h in db.VolunteerHours.AsNoTracking()
                join o in db.Opportunities on h.OpportunityId equals o.Id
                join g in db.Organizations on h.OrganizationId equals g.Id
                where h.VolunteerId == userId
                orderby h.Date
                select new { h.Id, h.Date, Opportunity = o.Title, Organization = g.Name, h.AttendedMinutes, h.CreditedMinutes, h.Status, h.Reason, h.DecidedAt })
            .ToListAsync(cancellationToken);
        var training = await (
                from e in db.CourseEnrollments.AsNoTracking()
                join c in db.Courses on e.CourseId equals c.Id
                where e.UserId == userId
                orderby e.CreatedAt
                select new { e.Id, Course = c.Title, e.Status, e.Score, e.CreatedAt, e.ResultAt })
            .ToListAsync(cancellationToken);
        var licenses = await db.Licenses.AsNoTracking().Where(l => l.HolderUserId == userId || l.NamedMemberId == userId).OrderBy(l => l.IssuedOn)
            .Select(l => new { l.Number, l.Level, l.IssuedOn, l.ExpiresOn, l.State, l.StateReason }).ToListAsync(cancellationToken);
        var certificates = await db.IssuedDocuments.AsNoTracking().Where(d => d.HolderUserId == userId).OrderBy(d => d.IssuedAt)
            .Select(d => new { d.Code, d.Kind, d.SubjectId, d.Year, d.IssuedAt }).ToListAsync(cancellationToken);
        var teams = await (
                from m in db.TeamMembers.AsNoTracking()
                join t in db.Teams on m.TeamId equals t.Id
                where m.UserId == userId
                orderby m.CreatedAt
                select new { Team = t.Name, m.Role, m.State, m.CreatedAt, m.UpdatedAt })
            .ToListAsync(cancellationToken);
        var badges = await db.VolunteerBadges.AsNoTracking().Where(b => b.UserId == userId).OrderBy(b => b.AwardedAt)
            .Select(b => new { b.Badge, b.AwardedAt }).ToListAsync(cancellationToken);
        var notifications = (await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync(cancellationToken))
            .Select(n => new { Text = texts.Render(n), n.Link, n.CreatedAt, n.ReadAt }).ToList();

        return new Record(clock.GetUtcNow(), profile, [.. consents], [.. applications], [.. attendance], [.. hours], [.. training],
            [.. licenses], [.. certificates], [.. teams], [.. badges], [.. notifications]);
    }

    public static byte[] ToJson(Record record) => JsonSerializer.SerializeToUtf8Bytes(record, Json);

    /// <summary>
    /// The same record as one long table (section, item, field, value): every value of the JSON, nested objects
    /// as dotted field names. UTF-8 with a byte-order mark so spreadsheet programs read Arabic correctly.
    /// </summary>
    public static byte[] ToCsv(Record record)
    {
        var csv = new StringBuilder("section,item,field,value\r\n");
        foreach (var section in JsonSerializer.SerializeToElement(record, Json).EnumerateObject())
        {
            if (section.Value.ValueKind == JsonValueKind.Array)
            {
                var item = 0;
                foreach (var element in section.Value.EnumerateArray())
                    Flatten(csv, section.Name, ++item, "", element);
            }
            else
            {
                Flatten(csv, section.Name, 1, "", section.Value);
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Flatten(StringBuilder csv, string section, int item, string prefix, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    Flatten(csv, section, item, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, property.Value);
                break;
            case JsonValueKind.Array:
                var text = string.Join(' ', value.EnumerateArray().Select(e => e.ToString()));
                Row(csv, section, item, prefix, SpreadsheetCells.CsvText(text));
                break;
            case JsonValueKind.Null:
                Row(csv, section, item, prefix, "");
                break;
            case JsonValueKind.Number:
                // A number stays a number (a negative one too); only text can carry a formula.
                Row(csv, section, item, prefix, SpreadsheetCells.CsvQuote(value.GetRawText()));
                break;
            default:
                Row(csv, section, item, prefix, SpreadsheetCells.CsvText(value.ToString()));
                break;
        }
    }

    private static void Row(StringBuilder csv, string section, int item, string field, string csvValue) =>
        csv.Append(SpreadsheetCells.CsvText(section)).Append(',').Append(item.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(SpreadsheetCells.CsvText(field)).Append(',').Append(csvValue).Append("\r\n");
}
