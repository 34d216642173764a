using System.Diagnostics;
using System.Globalization;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Seeding.National;

namespace Athar.Cli.Commands;

/// <summary>athar seed --scale S: the synthetic national data set, bulk-loaded into an empty database.</summary>
internal sealed class SeedScaleCommand(AtharDbContext db, NationalSeeder seeder, DatabaseOptions database, TimeProvider clock, CliConsole console)
{
    public const double MaxScale = 20;

    internal sealed record Request(double Scale, ulong Seed, DateOnly? Today)
    {
        public static Request From(CliArguments arguments)
        {
            var scaleText = arguments.Required("--scale");
            if (!double.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || !(scale > 0) || scale > MaxScale)
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--scale must be a number above 0 and at most {MaxScale} (1 = national size), not '{scaleText}'."));
            var seed = 1UL;
            if (arguments.Optional("--seed") is { } seedText && !ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
                throw new UsageException($"--seed must be a whole number, not '{seedText}'.");
            DateOnly? today = null;
            if (arguments.Optional("--today") is { } todayText)
            {
                if (!DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    throw new UsageException($"--today must be a date as yyyy-MM-dd, not '{todayText}'.");
                today = parsed;
            }
            return new Request(scale, seed, today);
        }
    }

    public async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        if (!await SchemaCheck.IsCurrentAsync(db, console.Error, cancellationToken))
            return ExitCodes.Refused;
        if (await seeder.RefusalAsync(cancellationToken) is { } refusal)
        {
            console.Error.WriteLine("athar: " + refusal);
            return ExitCodes.Refused;
        }

        // The anchor date: the history ends yesterday and upcoming shifts start tomorrow, in Saudi time.
        var today = request.Today ?? DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(3)).DateTime);
        var plan = new NationalPlan(request.Scale, request.Seed, today);
        var output = console.Output;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeding scale {plan.Scale} (seed {plan.Seed}, today {today:yyyy-MM-dd}) into {database.Provider} {CliConfiguration.Describe(database)}:"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {plan.Volunteers:N0} volunteers, {plan.Organizations:N0} organisations, {plan.Opportunities:N0} opportunities."));

        var progress = new SeedProgress();
        var watch = Stopwatch.StartNew();
        SeedResult result;
        using (var bar = new CliProgressBar(console.Error, watch, () => new(progress.Fraction, progress.Rows, "rows", progress.Stage, progress.Generating)))
            result = await seeder.SeedAsync(plan, progress, cancellationToken);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done in {watch.Elapsed.TotalSeconds:0.0} s: {result.TotalRows:N0} rows ({result.TotalRows / Math.Max(0.001, result.Load.TotalSeconds):N0} rows/s while loading)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  load {result.Load.TotalSeconds:0.0} s, indexes + search + statistics {result.Rebuild.TotalSeconds:0.0} s, vacuum/analyze {result.Optimize.TotalSeconds:0.0} s"));
        // Where the rebuild's time went (issue #7: seeding scale 1 in under 10 minutes).
        output.WriteLine("  slowest rebuild steps:");
        foreach (var step in result.RebuildSteps.OrderByDescending(s => s.Took).Take(10))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {step.Took.TotalSeconds,8:0.0} s  {step.Label}"));
        foreach (var (table, rows) in result.Rows.OrderByDescending(r => r.Value))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table,-22}{rows,14:N0}"));
        output.WriteLine($"Every synthetic account signs in with the password {NationalPlan.Password}: {NationalPlan.AdminEmail} (platform admin),");
        output.WriteLine($"  {NationalPlan.OrganizationAdminEmail(1)} (organisation admin), {NationalPlan.VolunteerEmail(1)} (volunteer), {NationalPlan.RegionalSupervisorEmail(1)}.");
        return ExitCodes.Success;
    }
}
