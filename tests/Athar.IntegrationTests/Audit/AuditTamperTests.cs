using Athar.Core.Audit;
using Athar.Data;
using Athar.Data.Audit;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Audit;

/// <summary>
/// Tampering with sealed entries: the database refuses edits and deletes; whoever bypasses that (by disabling the
/// triggers) is caught by the chain at the exact entry. Its own class: it breaks its databases' chains on purpose.
/// </summary>
public sealed class AuditTamperTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SealedEntries_CannotBeChanged_AndChangesMadeBehindTheTriggersAreFoundAtTheirEntry(TestDatabase database)
    {
        var app = fixture.For(database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < 5; i++)
            audit.Record(AuditActions.LicenseSuspended, "License", $"L{i}", Guid.NewGuid(), detail: $"n={i}");
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditVerifier>();
        Assert.True((await verifier.VerifyAsync()).Verdict.Intact);
        var target = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.SubjectId == "L2");

        // The append-only triggers refuse both.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Detail\" = 'n=9' WHERE \"SubjectId\" = 'L2'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"SubjectId\" = 'L3'"));
        Assert.True((await verifier.VerifyAsync()).Verdict.Intact);

        // Someone with DDL rights removes the protection.
        await db.Database.ExecuteSqlRawAsync(database == TestDatabase.Postgres
            ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_append_only"
            : "DROP TRIGGER audit_seal_only; DROP TRIGGER audit_no_delete;");

        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Detail\" = 'n=9' WHERE \"SubjectId\" = 'L2'");
        var altered = await verifier.VerifyAsync();
        Assert.Equal((target.Sequence, "altered"), (altered.Verdict.BrokenAt, altered.Verdict.Problem));
        Assert.Equal(target.Sequence - 1, altered.Verdict.Checked);

        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Detail\" = 'n=2' WHERE \"SubjectId\" = 'L2'");
        Assert.True((await verifier.VerifyAsync()).Verdict.Intact); // the check is exact, not a false alarm

        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"SubjectId\" = 'L2'");
        var removed = await verifier.VerifyAsync();
        Assert.Equal((target.Sequence, "missing"), (removed.Verdict.BrokenAt, removed.Verdict.Problem));
    }
}
