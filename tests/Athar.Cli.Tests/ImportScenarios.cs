using System.Globalization;
using System.Text;
using Athar.Cli.Tests.Infrastructure;
using Athar.Core.Identity;
using Athar.Core.Localization;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Tests;

/// <summary>athar import, run the same way on each provider.</summary>
public static class ImportScenarios
{
    private static int _serial = Random.Shared.Next(10_000_000, 80_000_000);

    public static string NewNationalId() =>
        NationalId.FromNineDigits("1" + Interlocked.Increment(ref _serial).ToString("D8", CultureInfo.InvariantCulture)).Value;

    public static async Task<Guid> OrganizationAsync(ITestDatabase database, string registrationNumber)
    {
        await using var db = database.CreateContext();
        var id = Guid.NewGuid();
        db.Organizations.Add(new Organization
        {
            Id = id, Name = new LocalizedText("جمعية البر", "Al-Birr Association"), Type = OrganizationType.NonProfitAssociation,
            RegistrationNumber = registrationNumber, RegionId = 1, CityId = 101, Status = OrganizationStatus.Verified, CreatedAt = DateTimeOffset.UtcNow.AddDays(-30),
        });
        await db.SaveChangesAsync();
        return id;
    }

    public static string WriteCsv(IEnumerable<string> lines, Encoding encoding)
    {
        var path = Path.Combine(Path.GetTempPath(), $"athar-import-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, encoding.GetBytes(string.Join("\r\n", lines) + "\r\n"));
        return path;
    }

    public static string Volunteer(string nationalId) =>
        $"{nationalId},ريم سعد,Reem Saad,أنثى,1994-05-17,0551234567,r{nationalId}@cli.test,الرياض,الرياض";

    public static async Task DryRun_ThenImport_ThenAgain_AddsOnce(ITestDatabase database)
    {
        await AtharTool.MigrateAsync(database);
        var organizationId = await OrganizationAsync(database, "CR-7001");
        var ids = new[] { NewNationalId(), NewNationalId() };
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = WriteCsv(["رقم الهوية,الاسم بالعربية,الاسم بالإنجليزية,الجنس,تاريخ الميلاد,الجوال,البريد الإلكتروني,المنطقة,المدينة", .. ids.Select(Volunteer)], Encoding.GetEncoding(1256));
        try
        {
            var dry = await AtharTool.RunAsync(database.Environment, "import", "volunteers", file, "--organization", "CR-7001", "--dry-run");
            Assert.True(dry.ExitCode == 0, dry.ToString());
            Assert.Contains("Dry run: no problems in 2 rows of volunteers (csv windows-1256)", dry.Output, StringComparison.Ordinal);
            await using (var db = database.CreateContext())
                Assert.Equal(0, await db.Volunteers.CountAsync(v => ids.Contains(v.NationalId)));

            var imported = await AtharTool.RunAsync(database.Environment, "import", "volunteers", file, "--organization", organizationId.ToString());
            Assert.True(imported.ExitCode == 0, imported.ToString());
            Assert.Contains("Imported 2 rows of volunteers", imported.Output, StringComparison.Ordinal);
            Assert.Contains("rows", imported.Error, StringComparison.Ordinal); // the progress line
            await using (var db = database.CreateContext())
            {
                Assert.Equal(2, await db.Volunteers.CountAsync(v => ids.Contains(v.NationalId)));
                Assert.Equal("cli", await db.ImportBatches.Where(b => b.OrganizationId == organizationId).Select(b => b.Via).SingleAsync());
            }

            var again = await AtharTool.RunAsync(database.Environment, "import", "volunteers", file, "--organization", "CR-7001");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Contains("Already imported", again.Output, StringComparison.Ordinal);
            await using (var db = database.CreateContext())
                Assert.Equal(2, await db.Volunteers.CountAsync(v => ids.Contains(v.NationalId)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task Problems_AreListedByRowAndColumn_AndNothingIsWritten(ITestDatabase database)
    {
        await AtharTool.MigrateAsync(database);
        await OrganizationAsync(database, "CR-7002");
        var good = NewNationalId();
        var bad = NewNationalId()[..9] + "X";
        var file = WriteCsv(["National ID,Name (Arabic),Gender,Birth date,Mobile,Email,Region,City", $"{good},ريم,female,1994-05-17,0551234567,a@cli.test,Riyadh,Riyadh", $"{bad},ريم,female,1994-05-17,0551234567,b@cli.test,Riyadh,Jeddah"], new UTF8Encoding(true));
        try
        {
            var english = await AtharTool.RunAsync(database.Environment, "import", "volunteers", file, "--organization", "CR-7002");
            Assert.True(english.ExitCode == 1, english.ToString());
            Assert.Contains("3\tNational ID\tA national ID has ten digits.", english.Output, StringComparison.Ordinal);
            Assert.Contains("3\tCity\tThis city is not in the row's region.", english.Output, StringComparison.Ordinal);
            Assert.Contains("2 problems in 2 rows", english.Error, StringComparison.Ordinal);

            var arabic = await AtharTool.RunAsync(database.Environment, "import", "volunteers", file, "--organization", "CR-7002", "--language", "ar");
            Assert.Contains("3\tرقم الهوية\tرقم الهوية عشرة أرقام.", arabic.Output, StringComparison.Ordinal);
            await using var db = database.CreateContext();
            Assert.False(await db.Volunteers.AnyAsync(v => v.NationalId == good));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class ImportCommandTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public Task Import_DryRunThenImportThenAgain_AddsOnce() => ImportScenarios.DryRun_ThenImport_ThenAgain_AddsOnce(_database);

    [Fact]
    public Task Import_Problems_AreListedByRowAndColumnInEitherLanguage() => ImportScenarios.Problems_AreListedByRowAndColumn_AndNothingIsWritten(_database);

    [Fact]
    public async Task Import_OfAnUnknownOrganizationOrFile_IsRefused()
    {
        await AtharTool.MigrateAsync(_database);
        var missing = await AtharTool.RunAsync(_database.Environment, "import", "hours", "/nonexistent/file.csv", "--organization", "CR-1");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no file", missing.Error, StringComparison.Ordinal);

        var file = ImportScenarios.WriteCsv(["National ID,Opportunity reference,Date,Hours"], Encoding.UTF8);
        try
        {
            var unknown = await AtharTool.RunAsync(_database.Environment, "import", "hours", file, "--organization", "CR-404");
            Assert.Equal(1, unknown.ExitCode);
            Assert.Contains("no organisation", unknown.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
