namespace Athar.Data.Statistics;

/// <summary>The row events a statistics trigger fires on.</summary>
internal enum TriggerEvent
{
    Insert,
    Update,
    Delete,
}

/// <summary>
/// PostgreSQL statement triggers over transition tables, as the statistics' triggers (<see cref="StatisticsSql"/>,
/// <see cref="StatsCounterSql"/>) declare them: one AFTER … FOR EACH STATEMENT trigger per event, because a trigger
/// with transition tables may fire on one event only; the changed rows as they were are <see cref="OldRows"/>, as they
/// are <see cref="NewRows"/>.
/// </summary>
internal static class StatementTriggers
{
    public const string OldRows = "old_rows";
    public const string NewRows = "new_rows";

    public static readonly TriggerEvent[] AllEvents = [TriggerEvent.Insert, TriggerEvent.Update, TriggerEvent.Delete];

    /// <summary>The event as SQL names it (<c>INSERT</c>, <c>UPDATE</c>, <c>DELETE</c>).</summary>
    public static string Sql(this TriggerEvent e) => e.ToString().ToUpperInvariant();

    /// <summary>The trigger that runs function <paramref name="name"/> (of the same name) after each statement of event <paramref name="e"/>.</summary>
    public static string Create(string name, string table, TriggerEvent e)
    {
        var referencing = e switch
        {
            TriggerEvent.Insert => $"NEW TABLE AS {NewRows}",
            TriggerEvent.Delete => $"OLD TABLE AS {OldRows}",
            _ => $"OLD TABLE AS {OldRows} NEW TABLE AS {NewRows}",
        };
        return $"CREATE TRIGGER {name} AFTER {e.Sql()} ON \"{table}\" REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {name}();";
    }
}
