using System.Globalization;

namespace Athar.Cli;

internal sealed record OptionHelp(string Name, string? Value, string Description);

/// <param name="Arguments">How many positional arguments follow the command's words (import: the kind and the file).</param>
internal sealed record CommandHelp(string Name, string Summary, string Usage, IReadOnlyList<OptionHelp> Options, IReadOnlyList<string> Notes, int Arguments = 0);

/// <summary>The commands, their options and the help text, in one table.</summary>
internal static class CommandCatalog
{
    public const string Migrate = "migrate";
    public const string AdminCreate = "admin create";
    public const string SeedDemo = "seed demo";
    public const string SeedScale = "seed";
    public const string Info = "info";
    public const string StatsRebuild = "stats rebuild";
    public const string AuditVerify = "audit verify";
    public const string AuditSeal = "audit seal";
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string PrivacyAccessedBy = "privacy accessed-by";
    public const string Import = "import";

    public static readonly IReadOnlyList<OptionHelp> DatabaseOptions =
    [
        new("--provider", "sqlite|postgres", "Database provider. Environment: Athar__Database__Provider. Default: sqlite."),
        new("--connection", "\"...\"", "Connection string. Environment: ConnectionStrings__Athar (or Athar__Database__ConnectionString). Default: \"Data\u00a0Source=data/athar.db\"."),
        new("-h, --help", null, "Show help."),
    ];

    public static readonly IReadOnlyList<CommandHelp> Commands =
    [
        new(Migrate, "Apply the EF Core migrations of the configured provider.", "athar migrate [database options]", [],
            ["Creates the database when it does not exist (PostgreSQL: the user needs CREATEDB; SQLite: the file and its folder)."]),
        new(AdminCreate, "Create a platform admin, or give an existing account the PlatformAdmin role.",
            "athar admin create --email E --name \"Arabic full name\" [--name-en \"English name\"] [--password P] [database options]",
            [
                new("--email", "E", "The admin's e-mail address; it is also the login name. Required."),
                new("--name", "\"...\"", "Full name in Arabic (2-100 letters). Required."),
                new("--name-en", "\"...\"", "Full name in English. Optional."),
                new("--password", "P", "The password. Without it: the ATHAR_ADMIN_PASSWORD environment variable, else a prompt (no echo) when stdin is a terminal. Prefer those: an option is visible in the process list and shell history."),
            ],
            [
                "Password policy (same as the web app): at least 8 characters, no composition rules; common, leaked or easily guessed passwords and ones containing the admin's name or e-mail are refused.",
                "The new account's e-mail is marked confirmed. If the e-mail already has an account, the PlatformAdmin role is added to it (nothing else changes, the password included); running the command again changes nothing.",
            ]),
        new(SeedDemo, "Add the bilingual demo data and print the demo logins (one per role).", "athar seed demo [database options]", [],
            ["Idempotent: when the demo data is already there, only the logins are printed. Never run it against production."]),
        new(SeedScale, "Generate synthetic national data (scale 1 = 1.2M volunteers) and bulk-load it.",
            "athar seed --scale S [--seed N] [--today yyyy-MM-dd] [database options]",
            [
                new("--scale", "S", "Size relative to the nation: 1 = 1.2M volunteers, 5,000 organisations, 300k opportunities, ~8M attendance records. 0.001 makes a small test set. Required."),
                new("--seed", "N", "Random seed (a whole number). Default: 1."),
                new("--today", "yyyy-MM-dd", "The anchor date: four years of history end the day before, upcoming shifts start after it. Default: today in Saudi time."),
            ],
            [
                "Same scale, seed and anchor date give the same data. The database must be migrated and empty of volunteers, organisations and opportunities.",
                "PostgreSQL is loaded with binary COPY, SQLite with prepared inserts, in one transaction: indexes, keys and triggers are set aside and rebuilt at the end, then the search index and the statistics aggregates are rebuilt. Every synthetic account's password is Athar-Bench-2026; names are generated, e-mails end in athar.example.",
                "Never run it against production.",
            ]),
        new(Info, "Show the database, its migrations and counts of users, volunteers, organisations.", "athar info [database options]", [], []),
        new(StatsRebuild, "Recompute the statistics facts and rollups from the raw verified hours, and the per-day counters from the raw applications, attendance and hours.", "athar stats rebuild [database options]", [],
            ["Safe to run at any time: one transaction; approvals, applications and check-ins made meanwhile wait for it and are then added on top. The figures it produces are the ones the database triggers maintain.",
             "Counters: applications per status by the day they were made, accepted and present applications by the day their shift ended, hours records and flagged ones by their date; per cut (national, region, city, field, gender, organisation type, region with one of those, one organisation, one program)."]),
        new(AuditVerify, "Check the audit trail's hash chain from the first entry to the last.", "athar audit verify [database options]", [],
            ["Read-only. Exit code 0 when the chain is intact, 1 when an entry was altered, removed or reordered (the first break is reported)."]),
        new(AuditSeal, "Seal the audit entries that wait for the app's sealing job into the hash chain.", "athar audit seal [database options]", [],
            ["The running app seals new entries every few seconds; use this before a backup or a verification when the app is stopped. Safe alongside running app nodes."]),
        new(Backup, "Copy the whole database to a file, consistently, while the app runs.", "athar backup --file F [database options]",
            [new("--file", "F", "Where to write the backup. Required.")],
            ["SQLite: the online backup API (a database file). PostgreSQL: pg_dump --format=custom, found through ATHAR_PG_BIN, PATH or /usr/lib/postgresql/N/bin; the password goes to it in PGPASSWORD, never on its command line. The file holds personal data: store it encrypted and as access-controlled as the database."]),
        new(Restore, "Replace the database's content with a backup made by 'athar backup'.", "athar restore --file F [database options]",
            [new("--file", "F", "The backup file. Required.")],
            ["Everything in the database now is replaced. Stop the app first. PostgreSQL: pg_restore --clean --single-transaction into the existing database (create it with 'athar migrate' on a new server). Then run 'athar migrate' if the backup is older than this version."]),
        new(PrivacyAccessedBy, "List exactly whose personal data an account was shown (breach notification).", "athar privacy accessed-by --user E [--since yyyy-MM-dd] [database options]",
            [
                new("--user", "E", "The account: its e-mail or its id. Required."),
                new("--since", "yyyy-MM-dd", "Only views from this day (UTC) on. Default: all."),
            ],
            ["CSV on standard output: each person's id, name, e-mail, phone, number of views, first and last view and the screens. PDPL: the authority is told within 72 hours of a breach, and the people affected without undue delay."]),
        new(Import, "Check or import volunteers, opportunities or attendance hours from a CSV or XLSX file.",
            "athar import volunteers|opportunities|hours FILE --organization ID [--dry-run] [--encoding utf-8|windows-1256] [--language en|ar] [database options]",
            [
                new("--organization", "ID", "The importing organisation: its id, or its registration number. Required."),
                new("--dry-run", null, "Check the whole file and report every problem; write nothing."),
                new("--encoding", "utf-8|windows-1256", "Text encoding of a CSV file. Default: UTF-8 when the file is valid UTF-8 (with or without BOM), else Windows-1256 (Arabic Excel). XLSX needs none."),
                new("--language", "en|ar", "Language of the problem report. Default: en."),
            ],
            [
                "Columns (docs/import.md; English or Arabic headers, any order): volunteers: National ID, Name (Arabic), Name (English), Gender, Birth date, Mobile, Email, Region, City. Opportunities: Reference, Title (Arabic), Title (English), Description (Arabic), Description (English), Field, Region, City, Start date, End date. Hours: National ID, Opportunity reference, Date, Hours.",
                "All or nothing: when any row has a problem nothing is written, and the report lists each problem by row and column (exit code 1). Importing the same file again adds nothing ('already imported'); people are matched by national ID and never added twice or changed.",
                "Hours within the approval window count as verified by the organisation; older ones wait for a platform admin's review. Licences and badges follow when the web app's import follow-up job runs.",
            ],
            Arguments: 2),
    ];

    /// <summary>Finds the command named by the leading words; null when no words were given.</summary>
    public static CommandHelp? Find(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
            return null;
        foreach (var command in Commands)
        {
            var parts = command.Name.Split(' ');
            if (words.Count < parts.Length || !words.Take(parts.Length).Select(w => w.ToLowerInvariant()).SequenceEqual(parts, StringComparer.Ordinal))
                continue;
            // The bare command is found too, so that 'athar import --help' shows its help; EnsureArguments checks the rest.
            if (words.Count == parts.Length + command.Arguments || words.Count == parts.Length)
                return command;
            if (command.Arguments > 0)
                throw new UsageException($"'athar {command.Name}' takes {command.Arguments} arguments: {command.Usage}");
        }

        var typed = string.Join(' ', words);
        var group = Commands.Where(c => c.Name.StartsWith(words[0].ToLowerInvariant() + " ", StringComparison.Ordinal)).Select(c => c.Name).ToList();
        if (group.Count > 0)
            throw new UsageException($"unknown command '{typed}'. Did you mean: {string.Join(", ", group)}?");
        throw new UsageException($"unknown command '{typed}'.");
    }

    public static void EnsureArguments(CliArguments arguments, CommandHelp command)
    {
        if (arguments.Words.Count != command.Name.Split(' ').Length + command.Arguments)
            throw new UsageException($"'athar {command.Name}' takes {command.Arguments} arguments: {command.Usage}");
    }

    public static void EnsureOptionsAllowed(CliArguments arguments, CommandHelp command)
    {
        foreach (var name in arguments.OptionNames)
        {
            var allowed = name is "--provider" or "--connection" || command.Options.Any(o => string.Equals(o.Name, name, StringComparison.Ordinal));
            if (!allowed)
                throw new UsageException($"'athar {command.Name}' has no option '{name}'.");
        }
    }

    public static void WriteGeneralHelp(TextWriter writer)
    {
        writer.WriteLine("athar - command-line tool of the Athar volunteer-work platform");
        writer.WriteLine();
        writer.WriteLine("Usage: athar <command> [options]");
        writer.WriteLine("       athar <command> --help");
        writer.WriteLine();
        writer.WriteLine("Commands:");
        var width = Commands.Max(c => c.Name.Length) + 2;
        foreach (var command in Commands)
            writer.WriteLine("  " + command.Name.PadRight(width) + command.Summary);
        WriteDatabaseOptions(writer);
        WriteConfigurationNotes(writer);
    }

    public static void WriteCommandHelp(TextWriter writer, CommandHelp command)
    {
        writer.WriteLine(command.Summary);
        writer.WriteLine();
        writer.WriteLine("Usage: " + command.Usage);
        if (command.Options.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Options:");
            WriteOptions(writer, command.Options);
        }
        foreach (var note in command.Notes)
        {
            writer.WriteLine();
            WriteWrapped(writer, note);
        }
        WriteDatabaseOptions(writer);
        WriteConfigurationNotes(writer);
    }

    private static void WriteDatabaseOptions(TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("Database options (every command):");
        WriteOptions(writer, DatabaseOptions);
    }

    private static void WriteOptions(TextWriter writer, IReadOnlyList<OptionHelp> options)
    {
        foreach (var option in options)
        {
            var left = option.Value is null ? option.Name : option.Name + " " + option.Value;
            var lines = Wrap(option.Description, 68);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {left,-30}{Unbreak(lines[0])}"));
            foreach (var line in lines.Skip(1))
                writer.WriteLine(new string(' ', 32) + Unbreak(line));
        }
    }

    // A no-break space keeps "Data Source=..." on one line when wrapping; the terminal gets a plain space.
    private static string Unbreak(string line) => line.Replace('\u00a0', ' ');

    private static void WriteWrapped(TextWriter writer, string text)
    {
        foreach (var line in Wrap(text, 100))
            writer.WriteLine(line);
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0)
                line.Append(' ');
            line.Append(word);
        }
        lines.Add(line.ToString());
        return lines;
    }

    private static void WriteConfigurationNotes(TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("The options override the environment; the keys are the web app's (Athar:Database:Provider,");
        writer.WriteLine("Athar:Database:ConnectionString, ConnectionStrings:Athar).");
        writer.WriteLine("The default SQLite file, data/athar.db, is relative to the current directory. The web app started");
        writer.WriteLine("with the README's command (dotnet run --project src/Athar.Web) runs in its project folder, so its");
        writer.WriteLine("file is src/Athar.Web/data/athar.db. From the repository root, point the tool at it with:");
        writer.WriteLine("  athar info --connection \"Data Source=src/Athar.Web/data/athar.db\"");
        writer.WriteLine();
        writer.WriteLine("Exit codes: 0 success, 1 refused or failed (message on stderr), 2 usage error.");
    }
}
