using Athar.Data.Infrastructure;

namespace Athar.Data.Audit;

/// <summary>
/// RAW SQL, per provider, that makes the audit table append-only: no DELETE, and no UPDATE except the
/// one-time sealing (setting Sequence, PreviousHash and Hash of an unsealed row, nothing else).
/// Re-apply with <see cref="Install"/>/<see cref="Uninstall"/> after regenerating the migration.
/// Someone with DDL rights can still drop the triggers; the hash chain is what detects that kind of tampering.
/// </summary>
public static class AuditSql
{
    private const string Content =
        "\"At\", \"ActorId\", \"Action\", \"SubjectType\", \"SubjectId\", \"OrganizationId\", \"PersonId\", \"Detail\"";

    public static IEnumerable<string> Install(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres() : Sqlite();

    public static IEnumerable<string> Uninstall(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ?
        [
            "DROP TRIGGER IF EXISTS audit_append_only ON \"AuditEntries\";",
            "DROP FUNCTION IF EXISTS audit_append_only();",
        ]
        :
        [
            "DROP TRIGGER IF EXISTS audit_no_delete;",
            "DROP TRIGGER IF EXISTS audit_seal_only;",
        ];

    private static IEnumerable<string> Postgres()
    {
        var changed = string.Join(" OR ", Content.Split(", ").Select(c => $"NEW.{c} IS DISTINCT FROM OLD.{c}"));
        yield return $"""
            CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    RAISE EXCEPTION 'audit entries are append-only';
                END IF;
                IF OLD."Hash" IS NOT NULL OR {changed} OR NEW."Id" <> OLD."Id" THEN
                    RAISE EXCEPTION 'audit entries are append-only';
                END IF;
                RETURN NEW;
            END $$;
            """;
        yield return "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON \"AuditEntries\" FOR EACH ROW EXECUTE FUNCTION audit_append_only();";
    }

    private static IEnumerable<string> Sqlite()
    {
        var changed = string.Join(" OR ", Content.Split(", ").Select(c => $"NEW.{c} IS NOT OLD.{c}"));
        yield return "CREATE TRIGGER audit_no_delete BEFORE DELETE ON \"AuditEntries\" BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;";
        yield return $"CREATE TRIGGER audit_seal_only BEFORE UPDATE ON \"AuditEntries\" WHEN OLD.\"Hash\" IS NOT NULL OR {changed} OR NEW.\"Id\" IS NOT OLD.\"Id\" BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;";
    }
}
