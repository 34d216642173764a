// Prints PostgreSQL's activity-facts trigger SQL (drop every version, create the current one) from a built Athar.Data,
// for bench/counters/hours.sh: dotnet fsi bench/counters/hours-sql.fsx > /tmp/hours-triggers.sql (after a Debug build).
#r "../../src/Athar.Data/bin/Debug/net10.0/Athar.Core.dll"
#r "../../src/Athar.Data/bin/Debug/net10.0/Athar.Data.dll"
open Athar.Data.Infrastructure
open Athar.Data.Statistics

for statement in Seq.append (StatisticsSql.DropTriggers DatabaseProvider.Postgres) (StatisticsSql.Triggers DatabaseProvider.Postgres) do
    printfn "%s" statement
