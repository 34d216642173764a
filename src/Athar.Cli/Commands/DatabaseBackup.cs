using System.Diagnostics;
using System.Globalization;
using Athar.Data.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Athar.Cli.Commands;

/// <summary>
/// A whole-database copy and its return. SQLite: the online backup API, page by page, consistent while the app
/// writes. PostgreSQL: pg_dump's custom format (a consistent snapshot) and pg_restore, which replaces every object.
/// </summary>
internal static class DatabaseBackup
{
    public static async Task BackupAsync(DatabaseOptions database, string file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            File.Delete(file);
            await using var source = new SqliteConnection(database.ConnectionString);
            await source.OpenAsync(cancellationToken);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
            return;
        }
        await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", file], database, cancellationToken);
    }

    public static async Task RestoreAsync(DatabaseOptions database, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
            throw new UsageException($"no backup file at '{file}'.");
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await source.OpenAsync(cancellationToken);
            await using var target = new SqliteConnection(database.ConnectionString);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
            SqliteConnection.ClearAllPools();
            return;
        }
        await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", file], database, cancellationToken);
    }

    /// <summary>Runs a PostgreSQL client tool with the connection in libpq's environment variables (the password never on the command line).</summary>
    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments, DatabaseOptions database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--dbname=" + connection.Database);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        if (connection.Username is { } user)
            start.Environment["PGUSER"] = user;
        if (connection.Password is { } password)
            start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed (exit code {process.ExitCode}): {(await error).Trim()}");
    }

    /// <summary>ATHAR_PG_BIN, then PATH, then the newest /usr/lib/postgresql/N/bin (Debian keeps the tools there, off PATH).</summary>
    internal static string FindTool(string tool, string? configured = null)
    {
        var folders = new List<string>();
        if ((configured ?? Environment.GetEnvironmentVariable("ATHAR_PG_BIN")) is { Length: > 0 } bin)
            folders.Add(bin);
        folders.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        if (Directory.Exists("/usr/lib/postgresql"))
            folders.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        return folders.Select(f => Path.Combine(f, tool)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{tool} was not found: install the PostgreSQL client tools or set ATHAR_PG_BIN to their folder.");
    }
}
