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

    /// <summary>
    /// PostgreSQL only, optional: a hot standby for reads that tolerate replication lag (search, public pages,
    /// dashboards). E.g. "Host=standby:5432,primary:5432;Target Session Attributes=prefer-standby;..." so reads
    /// fall back to the primary while no standby answers.
    /// </summary>
    public string? ReadOnlyConnectionString { get; set; }

    /// <summary>Applies pending migrations at start-up (on by default; turn off when a deploy step migrates).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// PostgreSQL only: how often a unit of work that met a transient failure (a restarting server, a failover, a
    /// dropped connection) runs again before the request answers 503. Zero turns retries off.
    /// </summary>
    public int MaxRetryCount { get; set; } = 5;

    /// <summary>PostgreSQL only: the longest pause between two retries (they back off exponentially up to this).</summary>
    public int MaxRetryDelaySeconds { get; set; } = 5;
}
