namespace Athar.Data.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section "Athar:Database". Environment: Athar__Database__Provider=Postgres and ConnectionStrings__Athar=...</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/athar.db";

    /// <summary>Applies pending migrations at start-up (on by default; turn off when a deploy step migrates).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
