using System.Security.Cryptography;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Audit;
using Athar.Core.Calendar;
using Athar.Core.Import;
using Athar.Data.Audit;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Data.Import;

public sealed record ImportRequest(Guid OrganizationId, ImportKind Kind, byte[] Content, string FileName, ImportEncoding Encoding, Guid? ActorId, string Via);

/// <summary>What a dry run found or an import did. Nothing was written unless <see cref="Imported"/>.</summary>
public sealed record ImportOutcome(
    ImportKind Kind,
    string? Format,
    int Rows,
    IReadOnlyList<ImportProblem> Problems,
    int Added,
    int Matched,
    int Skipped,
    int UnderReview,
    bool AlreadyImported,
    bool Imported,
    Guid? BatchId)
{
    public static ImportOutcome Refused(ImportKind kind, string? format, int rows, IReadOnlyList<ImportProblem> problems) =>
        new(kind, format, rows, problems, 0, 0, 0, 0, false, false, null);
}

/// <summary>Where a running import is; read from another thread by the progress bar and the status endpoint.</summary>
public sealed class ImportProgress
{
    private long _done;
    private long _total;

    private volatile string _stage = "reading";

    /// <summary>reading, checking, writing, committing, done.</summary>
    public string Stage => _stage;

    public long Done => Interlocked.Read(ref _done);
    public long Total => Interlocked.Read(ref _total);
    public double Fraction => Total == 0 ? 0 : Math.Min(1, (double)Done / Total);

    internal void Start(string stage, long total)
    {
        Interlocked.Exchange(ref _done, 0);
        Interlocked.Exchange(ref _total, total);
        _stage = stage;
    }

    internal void Add(long count) => Interlocked.Add(ref _done, count);
}

/// <summary>
/// Bulk import of volunteers, opportunities and hours for one organisation (docs/import.md, ADR 0013).
/// A dry run reads and checks the whole file and writes nothing. An import checks the same way and, only
/// when no row has a problem, writes every row in one transaction: a failure leaves nothing behind. A file
/// already imported (same SHA-256) adds nothing, and neither do rows whose natural key exists (national ID,
/// opportunity reference, volunteer + opportunity + date), so re-saving a file and importing it again is safe.
/// </summary>
public sealed class ImportEngine(AtharDbContext db, AuditTrail audit, TimeProvider clock, IOptions<RegistrationPolicy> registration, IOptions<HoursPolicy> hoursPolicy)
{
    public Task<ImportOutcome> CheckAsync(ImportRequest request, ImportProgress? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(request, write: false, progress ?? new ImportProgress(), cancellationToken);

    public Task<ImportOutcome> ImportAsync(ImportRequest request, ImportProgress? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(request, write: true, progress ?? new ImportProgress(), cancellationToken);

    private async Task<ImportOutcome> RunAsync(ImportRequest request, bool write, ImportProgress progress, CancellationToken cancellationToken)
    {
        progress.Start("reading", request.Content.Length);
        var problems = new List<ImportProblem>();
        var table = ImportTable.Read(request.Content, request.Encoding, problems);
        if (table is null)
            return ImportOutcome.Refused(request.Kind, null, 0, problems);
        var header = ImportHeader.Match(request.Kind, table.Header, problems);
        if (problems.Count > 0)
            return ImportOutcome.Refused(request.Kind, table.Format, table.Rows.Count, problems);

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(request.Content));
        if (await AlreadyImportedAsync(request, fingerprint, cancellationToken))
            return new ImportOutcome(request.Kind, table.Format, table.Rows.Count, [], 0, 0, 0, 0, true, false, null);

        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OrganizationId, cancellationToken)
            ?? throw new InvalidOperationException("The organisation does not exist; callers check access first.");

        progress.Start("checking", table.Rows.Count);
        var rows = table.Rows.Select(r => header.Read(r.Number, r.Cells)).Where(r => !r.IsEmpty).ToList();
        var context = new ImportContext(db, organization, clock.GetUtcNow(), request.ActorId, registration.Value, hoursPolicy.Value, progress);
        var plan = request.Kind switch
        {
            ImportKind.Volunteers => await VolunteerImport.PlanAsync(context, rows, problems, cancellationToken),
            ImportKind.Opportunities => await OpportunityImport.PlanAsync(context, rows, problems, cancellationToken),
            ImportKind.Hours => await HoursImport.PlanAsync(context, rows, problems, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
        problems.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : string.CompareOrdinal(a.Column, b.Column));
        if (problems.Count > 0)
            return ImportOutcome.Refused(request.Kind, table.Format, rows.Count, problems);
        var outcome = new ImportOutcome(request.Kind, table.Format, rows.Count, [], plan.Added, plan.Matched, plan.Skipped, plan.UnderReview, false, false, null);
        if (!write)
            return outcome;

        progress.Start("writing", plan.RowsToWrite);
        var batchId = Guid.CreateVersion7(context.Now);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            var written = await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                progress.Start("writing", plan.RowsToWrite);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                // One import at a time per organisation (a no-op UPDATE holds the row's lock), then the file is checked again under it.
                await OrganizationLock(request.OrganizationId, cancellationToken);
                if (await AlreadyImportedAsync(request, fingerprint, cancellationToken))
                    return false;

                db.ImportBatches.Add(new ImportBatch
                {
                    Id = batchId,
                    OrganizationId = request.OrganizationId,
                    Kind = request.Kind,
                    Fingerprint = fingerprint,
                    FileName = Path.GetFileName(request.FileName) is { Length: > 0 and <= 260 } name ? name : "import",
                    Rows = rows.Count,
                    Added = plan.Added,
                    Matched = plan.Matched,
                    Skipped = plan.Skipped,
                    ImportedBy = request.ActorId,
                    Via = request.Via,
                    ImportedAt = context.Now,
                });
                audit.Record(AuditActions.ImportCompleted, nameof(ImportBatch), batchId, request.ActorId, request.OrganizationId, null,
                    AuditTrail.Detail(("kind", request.Kind.Slug()), ("rows", rows.Count), ("added", plan.Added), ("matched", plan.Matched),
                        ("skipped", plan.Skipped), ("underReview", plan.UnderReview), ("sha256", fingerprint), ("via", request.Via)));
                await db.SaveChangesAsync(cancellationToken);

                await plan.WriteAsync(new ImportRowWriter(db, n => progress.Add(n)), batchId, cancellationToken);
                progress.Start("committing", 1);
                await transaction.CommitAsync(cancellationToken);
                return true;
            });
            progress.Start("done", 1);
            progress.Add(1);
            return written ? outcome with { Imported = true, BatchId = batchId } : outcome with { AlreadyImported = true, Added = 0, Matched = 0, Skipped = 0, UnderReview = 0 };
        }
        catch (Exception ex) when (ex is DbUpdateException || (ex is System.Data.Common.DbException dbException && IsUniqueViolation(dbException)))
        {
            // A unique index settled a race: the same file, or a person or record imported or registered meanwhile.
            db.ChangeTracker.Clear();
            if (await AlreadyImportedAsync(request, fingerprint, cancellationToken))
                return outcome with { AlreadyImported = true, Added = 0, Matched = 0, Skipped = 0, UnderReview = 0 };
            return ImportOutcome.Refused(request.Kind, table.Format, rows.Count, [ImportProblem.File("File.Conflict")]);
        }
    }

    private Task<bool> AlreadyImportedAsync(ImportRequest request, string fingerprint, CancellationToken cancellationToken) =>
        db.ImportBatches.AnyAsync(b => b.OrganizationId == request.OrganizationId && b.Kind == request.Kind && b.Fingerprint == fingerprint, cancellationToken);

    private Task<int> OrganizationLock(Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, o => o.Status), cancellationToken);

    private static bool IsUniqueViolation(System.Data.Common.DbException ex) =>
        ex is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

    /// <summary>The organisations that may import: not refused or suspended.</summary>
    public static bool MayImport(Organization organization) =>
        organization.Status is not (OrganizationStatus.Rejected or OrganizationStatus.Suspended);

    internal static DateOnly Today(DateTimeOffset now) => DualDate.ToSaudiDate(now);
}

/// <summary>What the checks of one kind decided: the counts, and the rows to write once nothing is wrong.</summary>
internal abstract class ImportPlan
{
    public int Added { get; init; }
    public int Matched { get; init; }
    public int Skipped { get; init; }
    public int UnderReview { get; init; }
    public long RowsToWrite { get; init; }

    public abstract Task WriteAsync(ImportRowWriter writer, Guid batchId, CancellationToken cancellationToken);
}

internal sealed record ImportContext(AtharDbContext Db, Organization Organization, DateTimeOffset Now, Guid? ActorId, RegistrationPolicy Registration, HoursPolicy Hours, ImportProgress Progress)
{
    public DateOnly Today => ImportEngine.Today(Now);

    /// <summary>Volunteers by national ID, looked up in chunks (a 100k-row file names many people).</summary>
    public async Task<Dictionary<string, (Guid UserId, DateOnly BirthDate, Gender Gender)>> VolunteersAsync(IEnumerable<string> nationalIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (Guid, DateOnly, Gender)>(StringComparer.Ordinal);
        foreach (var chunk in nationalIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await Db.Volunteers.AsNoTracking().Where(v => chunk.Contains(v.NationalId))
                .Select(v => new { v.NationalId, v.UserId, v.BirthDate, v.Gender }).ToListAsync(cancellationToken);
            foreach (var v in rows)
                found[v.NationalId] = (v.UserId, v.BirthDate, v.Gender);
            Progress.Add(chunk.Length / 2);
        }
        return found;
    }
}
