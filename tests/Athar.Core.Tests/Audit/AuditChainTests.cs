using Athar.Core.Audit;

namespace Athar.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static AuditFacts Facts(long sequence, string? detail = "n=1") =>
        new(sequence, At.AddMinutes(sequence), Guid.Parse("0193f5a0-0000-7000-8000-000000000001"), AuditActions.HoursApproved, "VolunteerHours", "h" + sequence, null, null, detail);

    private static List<SealedAuditEntry> Chain(int length)
    {
        var entries = new List<SealedAuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var facts = Facts(i);
            var hash = AuditChain.HashOf(facts, previous);
            entries.Add(new SealedAuditEntry(facts, previous, hash));
            previous = hash;
        }
        return entries;
    }

    [Fact]
    public void Hash_IsStable_Hex_AndCoversEveryField()
    {
        var facts = Facts(1);
        var hash = AuditChain.HashOf(facts, AuditChain.Genesis);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, AuditChain.HashOf(facts with { }, AuditChain.Genesis));

        var variants = new[]
        {
            facts with { Sequence = 2 }, facts with { At = facts.At.AddTicks(10) }, facts with { ActorId = null },
            facts with { Action = AuditActions.HoursRejected }, facts with { SubjectType = "License" }, facts with { SubjectId = "h2" },
            facts with { OrganizationId = Guid.Empty }, facts with { PersonId = Guid.Empty }, facts with { Detail = null }, facts with { Detail = "n=2" },
        };
        Assert.All(variants, v => Assert.NotEqual(hash, AuditChain.HashOf(v, AuditChain.Genesis)));
        Assert.NotEqual(hash, AuditChain.HashOf(facts, new string('1', 64)));
    }

    [Fact]
    public void Fields_CannotBeShiftedIntoEachOther()
    {
        // Without length prefixes "ab" + "c" and "a" + "bc" would hash alike.
        var a = Facts(1) with { SubjectType = "ab", SubjectId = "c" };
        var b = Facts(1) with { SubjectType = "a", SubjectId = "bc" };
        Assert.NotEqual(AuditChain.HashOf(a, AuditChain.Genesis), AuditChain.HashOf(b, AuditChain.Genesis));
    }

    [Fact]
    public void Verify_AcceptsAnIntactChain()
    {
        var verdict = AuditChain.Verify(Chain(5), AuditChain.Genesis, 0);
        Assert.True(verdict.Intact);
        Assert.Equal(5, verdict.Checked);
    }

    [Fact]
    public void Verify_FindsAnAlteredEntry_AMissingOne_AndABrokenLink()
    {
        var altered = Chain(5);
        altered[2] = altered[2] with { Facts = altered[2].Facts with { Detail = "n=9" } };
        Assert.Equal(new AuditVerdict(2, 3, "altered"), AuditChain.Verify(altered, AuditChain.Genesis, 0));

        var missing = Chain(5);
        missing.RemoveAt(3);
        Assert.Equal(new AuditVerdict(3, 4, "missing"), AuditChain.Verify(missing, AuditChain.Genesis, 0));

        // An entry re-hashed after a change still breaks the link of the one after it.
        var rehashed = Chain(5);
        var changed = rehashed[1].Facts with { Detail = "n=9" };
        rehashed[1] = new SealedAuditEntry(changed, rehashed[1].PreviousHash, AuditChain.HashOf(changed, rehashed[1].PreviousHash));
        Assert.Equal(new AuditVerdict(2, 3, "link"), AuditChain.Verify(rehashed, AuditChain.Genesis, 0));
    }

    [Fact]
    public void Verify_ContinuesFromAPreviousBatch()
    {
        var chain = Chain(6);
        var first = AuditChain.Verify(chain.Take(3), AuditChain.Genesis, 0);
        var second = AuditChain.Verify(chain.Skip(3), chain[2].Hash, 3);
        Assert.True(first.Intact && second.Intact);
        Assert.Equal(3, second.Checked);
        Assert.False(AuditChain.Verify(chain.Skip(3), chain[1].Hash, 3).Intact);
    }

    [Fact]
    public void EveryAction_IsListedOnce()
    {
        var constants = typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(constants.Order(StringComparer.Ordinal), AuditActions.All.Order(StringComparer.Ordinal));
    }
}
