using Athar.Data.Infrastructure;
using Athar.Data.Statistics;

namespace Athar.Data.Programs;

/// <summary>
/// RAW SQL around the ProgramsAndInitiatives migration; re-apply after regenerating it. Adding the foreign key
/// Opportunities.ProgramId → Programs makes SQLite rebuild the Opportunities table (create, copy, drop, rename),
/// and SQLite refuses the rename while the statistics triggers on VolunteerHours name the dropped table. So the
/// SQLite migration drops those triggers first (<see cref="BeforeOpportunitiesRebuild"/>) and re-creates them
/// after (<see cref="AfterOpportunitiesRebuild"/>), in the same migration. PostgreSQL alters in place: nothing to do.
/// </summary>
public static class ProgramsSql
{
    public static IReadOnlyList<string> BeforeOpportunitiesRebuild(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? StatisticsSql.DropTriggers(provider) : [];

    public static IReadOnlyList<string> AfterOpportunitiesRebuild(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? StatisticsSql.Triggers(provider) : [];
}
