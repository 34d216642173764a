using System.Diagnostics;
using Athar.Data.Accounts;
using Athar.Data.Infrastructure;
using Athar.Data.Opportunities;
using Athar.Data.Seeding.Bulk;
using Athar.Data.Statistics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Seeding.National;

/// <summary>What the seeding is doing now, read by a progress display on another thread.</summary>
public sealed class SeedProgress
{
    private BulkWriter? _writer;
    private double _fraction;

    public string Stage { get; private set; } = "starting";

    /// <summary>Share of the generation done, 0 to 1; the rebuild after it is reported as stages.</summary>
    public double Fraction => Volatile.Read(ref _fraction);

    public long Rows => _writer?.Total ?? 0;

    public bool Generating { get; private set; }

    internal void Attach(BulkWriter writer) => _writer = writer;

    internal void Report(string stage, double fraction, bool generating)
    {
        Stage = stage;
        Volatile.Write(ref _fraction, fraction);
        Generating = generating;
    }
}

public sealed record SeedResult(IReadOnlyDictionary<string, long> Rows, TimeSpan Load, TimeSpan Rebuild, TimeSpan Optimize, IReadOnlyList<StepTiming> RebuildSteps)
{
    public long TotalRows => Rows.Values.Sum();
}

/// <summary>
/// athar seed --scale: generates the synthetic nation (<see cref="NationalGenerator"/>) straight into an
/// empty, migrated database through the provider's bulk path, then rebuilds indexes, the search index
/// and the statistics aggregates once.
/// </summary>
public sealed class NationalSeeder(AtharDbContext db)
{
    /// <summary>Null when the database is empty enough to seed; otherwise why not.</summary>
    public async Task<string?> RefusalAsync(CancellationToken cancellationToken)
    {
        if (await db.Volunteers.AnyAsync(cancellationToken) || await db.Organizations.AnyAsync(cancellationToken) || await db.Opportunities.AnyAsync(cancellationToken))
            return "the database already holds volunteers, organisations or opportunities; synthetic data goes into a freshly migrated, empty database.";
        return null;
    }

    public async Task<SeedResult> SeedAsync(NationalPlan plan, SeedProgress progress, CancellationToken cancellationToken)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.Ordinal, cancellationToken);
        var hash = new PasswordHasher<AtharUser>().HashPassword(null!, NationalPlan.Password);
        var connection = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The context has no connection string.");

        await using BulkLoader loader = provider == DatabaseProvider.Postgres ? new PostgresBulkLoader(connection) : new SqliteBulkLoader(connection);
        using var writer = new BulkWriter(loader, db.Model, cancellationToken);
        progress.Attach(writer);
        var load = Stopwatch.StartNew();
        progress.Report("setting indexes aside", 0, generating: false);
        await loader.BeginAsync(writer.TablesOf(NationalGenerator.EntityTypes), cancellationToken);

        var generator = new NationalGenerator(plan, writer, roles, hash);
        var steps = generator.Steps;
        var total = steps.Sum(s => s.Weight);
        await Task.Run(() =>
        {
            var done = 0.0;
            foreach (var step in steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var before = done;
                progress.Report(step.Name, before / total, generating: true);
                step.Run(fraction => progress.Report(step.Name, (before + step.Weight * fraction) / total, generating: true));
                done += step.Weight;
            }
        }, cancellationToken);
        progress.Report("writing the last rows", 1, generating: false);
        await writer.CompleteAsync();
        load.Stop();

        var rebuild = Stopwatch.StartNew();
        // PostgreSQL: the activity facts (one row per volunteer, opportunity and month: 8 million at scale 1) are inserted
        // into a table without keys or indexes, which are then built once.
        var facts = PostgresBulkLoader.IndexesSetAsideAround("StatsActivity");
        // And the counters' tables, filled from nothing by the counters' rebuild with plain INSERTs.
        var counters = PostgresBulkLoader.IndexesSetAsideAround([.. StatsCounterSql.Tables(CounterGroup.All)]);
        List<RebuildStep> afterLoad = provider == DatabaseProvider.Sqlite
            // The FTS5 table follows Opportunities by rowid; its triggers were set aside, so it is filled in one pass.
            ? ["INSERT INTO \"OpportunitySearch\"(\"OpportunitySearch\") VALUES ('rebuild');", .. SearchableOpportunitySql.Rebuild(), .. StatsRollupSql.RebuildAll(provider), .. StatsCounterSql.Rebuild(provider, CounterGroup.All, StatsCounterSql.Latest)]
            : [.. SearchableOpportunitySql.Rebuild(), facts.Drop, .. StatsRollupSql.RebuildAll(provider), facts.Restore, counters.Drop, .. StatsCounterSql.Rebuild(provider, CounterGroup.All, StatsCounterSql.Latest), counters.Restore];
        await loader.CommitAsync(afterLoad, stage => progress.Report(stage, 1, generating: false), cancellationToken);
        rebuild.Stop();

        var optimize = Stopwatch.StartNew();
        progress.Report("vacuum and analyze", 1, generating: false);
        await loader.OptimizeAsync(cancellationToken);
        optimize.Stop();
        progress.Report("done", 1, generating: false);
        return new SeedResult(writer.Counts, load.Elapsed, rebuild.Elapsed, optimize.Elapsed, loader.Timings);
    }
}
