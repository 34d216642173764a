using System.Data.Common;
using System.Text.RegularExpressions;
using Athar.Core.Localization;
using Athar.Core.Recognition;
using Athar.Data;
using Athar.Data.Notifications;
using Athar.Data.Programs;
using Athar.Data.Recognition;
using Athar.E2ETests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Athar.E2ETests.Trust;

/// <summary>
/// Script payloads written straight into the database (the forms and the API refuse markup at the door, so
/// only the database can prove what the pages do with it). Every free-text column of every feature table
/// gets its own payload naming it, e.g. <c>&lt;img src=x onerror=__xss('Opportunities.TitleAr')&gt;</c>, so
/// a call to <c>__xss</c> says which field on which page ran.
/// </summary>
public static partial class ScriptPayloads
{
    /// <summary>Runs before any page script: records every payload that executes.</summary>
    public const string RecorderScript =
        """
        (() => {
          const calls = [];
          Object.defineProperty(window, '__xss', { value: id => { calls.push(String(id)); }, writable: false, configurable: false });
          Object.defineProperty(window, '__xssCalls', { get: () => calls.slice(), configurable: false });
        })();
        """;

    /// <summary>What every payload shows when it is (rightly) rendered as text.</summary>
    public const string VisibleMarker = "__xss('";

    /// <summary>The shapes, each a different way out of the place the text lands (element, attribute, textarea, script, URL).</summary>
    private static readonly Func<string, string>[] Shapes =
    [
        id => $"<script>__xss('{id}')</script>",
        id => $"<img src=x onerror=__xss('{id}')>",
        id => $"\"><svg onload=__xss('{id}')>",
        id => $"'><details open ontoggle=__xss('{id}')>",
        id => $"</textarea></title><script>__xss('{id}')</script>",
        id => $"جمعية <img src=x onerror=\"__xss('{id}')\"> الخير",
        id => $"</script><script>__xss('{id}')</script>",
        id => $"<a href=\"javascript:__xss('{id}')\">اضغط click</a>",
    ];

    /// <summary>
    /// A payload for a field; the shape depends on the field, so the columns of one table get different ones, and
    /// the same in every run (string.GetHashCode changes per process, a sum of the characters does not).
    /// </summary>
    public static string For(string id) => Shapes[id.Sum(c => c) % Shapes.Length](id);

    /// <summary>A stored address (website, notification link) that would run when clicked if it became an href.</summary>
    public static string Link(string id) => $"javascript:__xss('{id}')";

    /// <summary>People's names, texts of organisations, opportunities, teams, programs, training, ideas, awards, reasons and notes.</summary>
    [GeneratedRegex("^(FullName|Name|Title|Description|Statement|NomineeName|GuardianName|Address|RequiredSkills|Skills|Education|Profession|Neighbourhood|Location|Website|Link|.*Reason)(Ar|En)?$")]
    private static partial Regex FreeTextColumn();

    [GeneratedRegex("^(Website|Link)$")]
    private static partial Regex AddressColumn();

    /// <summary>Reference data, logs, counters and infrastructure: not user-supplied text shown on pages.</summary>
    private static readonly string[] SkippedNamespaces = ["Reference", "Audit", "Statistics", "Messaging", "Idempotency", "Platform", "Import", "Privacy"];

    /// <summary>Adds the rows the demo data lacks (an initiative, an idea, a published award, a notification), then overwrites every free-text column.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(AtharServer server)
    {
        await server.QueryAsync(AddMissingRowsAsync);
        return await server.QueryAsync(OverwriteFreeTextAsync);
    }

    private static async Task<bool> AddMissingRowsAsync(AtharDbContext db)
    {
        var now = TimeProvider.System.GetUtcNow();
        var organization = await db.Organizations.SingleAsync(o => o.RegistrationNumber == TestPeople.DemoOrganizationRegistration);
        var staff = await db.Users.SingleAsync(u => u.Email == TestPeople.DemoOrganizationAdmin);
        var volunteer = await db.Users.SingleAsync(u => u.Email == TestPeople.DemoVolunteer);
        var program = await db.Programs.FirstAsync();
        var opportunity = await db.Opportunities.FirstAsync(o => o.OrganizationId == organization.Id);
        db.Initiatives.Add(new Initiative
        {
            Id = Guid.CreateVersion7(now),
            Title = new LocalizedText("مبادرة", "Initiative"),
            Description = new LocalizedText("وصف", "Description"),
            StartsOn = program.StartsOn,
            EndsOn = program.EndsOn,
            Status = program.Status,
            LeadOrganizationId = organization.Id,
            CreatedBy = staff.Id,
            CreatedAt = now,
            UpdatedAt = now,
        });
        db.Ideas.Add(new Idea
        {
            Id = Guid.CreateVersion7(now),
            ProposerId = volunteer.Id,
            OrganizationId = organization.Id,
            Title = "فكرة",
            Description = "وصف",
            FieldId = opportunity.FieldId,
            RegionId = opportunity.RegionId,
            CityId = opportunity.CityId,
            CreatedAt = now,
        });
        var cycle = new AwardCycle { Id = Guid.CreateVersion7(now), Year = now.Year, Status = AwardCycleStatus.Published, CreatedAt = now, PublishedAt = now };
        db.AwardCycles.Add(cycle);
        db.AwardNominations.Add(new AwardNomination
        {
            Id = Guid.CreateVersion7(now),
            CycleId = cycle.Id,
            Track = AwardTrack.NonProfitOrganizations,
            NomineeOrganizationId = organization.Id,
            NomineeName = "مرشح",
            Statement = "بيان",
            NominatorOrganizationId = organization.Id,
            NominatedBy = staff.Id,
            CreatedAt = now,
            IsWinner = true,
        });
        db.Notifications.Add(new Notification
        {
            UserId = volunteer.Id,
            Kind = "LicenseIssued",
            Arguments = For("Notifications.Arguments.0") + Athar.Web.Features.Participation.Notifier.Separator + For("Notifications.Arguments.1"),
            Link = "/me/licenses",
            CreatedAt = now,
        });
        await db.SaveChangesAsync();
        return true;
    }

    private static async Task<IReadOnlyList<string>> OverwriteFreeTextAsync(AtharDbContext db)
    {
        var written = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            // Athar's own tables only: Identity's role and token names are keys the app looks up, not shown text.
            var space = entity.ClrType.Namespace ?? string.Empty;
            if (table is null || entity.IsOwned() || !space.StartsWith("Athar.Data.", StringComparison.Ordinal)
                || SkippedNamespaces.Contains(space.Split('.').Last()))
                continue;
            var columns = entity.GetProperties()
                .Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
                .Where(p => p.ClrType == typeof(string) && p.GetValueConverter() is null && !p.IsKey() && !p.IsForeignKey())
                .Select(p => p.GetColumnName())
                .Where(c => FreeTextColumn().IsMatch(c));
            foreach (var column in columns)
            {
                var id = $"{table}.{column}";
                await using var command = connection.CreateCommand();
                // The row id keeps values distinct where a column is unique; addresses stay one token.
                command.CommandText = AddressColumn().IsMatch(column)
                    ? $"UPDATE \"{table}\" SET \"{column}\" = $payload"
                    : $"UPDATE \"{table}\" SET \"{column}\" = $payload || ' #' || rowid";
                AddParameter(command, "$payload", AddressColumn().IsMatch(column) ? Link(id) : For(id));
                if (await command.ExecuteNonQueryAsync() > 0)
                    written.Add(id);
            }
        }
        return written;
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
