using Athar.Core.Certificates;
using Athar.Core.Common;
using static Athar.Core.Tests.Common.TestSigningKeys;

namespace Athar.Core.Tests.Certificates;

public class DocumentSealRotationTests
{
    private static readonly string[] Values = ["عبدالله", "120"];

    [Fact]
    public void UnnamedKey_SealsAsBeforeKeyIds_SoOldDocumentsKeepTheirSeal()
    {
        Assert.Equal(DocumentFingerprint.Compute(Unnamed.Secret, DocumentKind.Participation, Values), DocumentFingerprint.Seal(Unnamed, DocumentKind.Participation, Values));
    }

    [Fact]
    public void NamedKey_PutsItsIdInTheSeal_WithinTheStoredColumnsSixtyFourCharacters()
    {
        var seal = DocumentFingerprint.Seal(new SigningKey("abcd1234", First.Secret), DocumentKind.Participation, Values);
        Assert.StartsWith("abcd1234.", seal, StringComparison.Ordinal);
        Assert.True(seal.Length <= 64, seal);
    }

    [Fact]
    public void AfterRotation_OldSeals_AndSealsFromBeforeKeyIds_StillMatch_AndNewSealsUseTheNewId()
    {
        var beforeIds = DocumentFingerprint.Seal(Unnamed, DocumentKind.Participation, Values);
        var underFirst = DocumentFingerprint.Seal(First, DocumentKind.Participation, Values);
        var rotated = new SigningKeyRing(Second, [First, Unnamed]);

        Assert.Equal(SealCheck.Matches, DocumentFingerprint.Check(beforeIds, rotated, DocumentKind.Participation, Values));
        Assert.Equal(SealCheck.Matches, DocumentFingerprint.Check(underFirst, rotated, DocumentKind.Participation, Values));
        Assert.StartsWith("k2.", DocumentFingerprint.Seal(rotated.Current, DocumentKind.Participation, Values), StringComparison.Ordinal);
        Assert.Equal(SealCheck.DoesNotMatch, DocumentFingerprint.Check(underFirst, rotated, DocumentKind.Participation, ["عبدالله", "121"]));
    }

    [Fact]
    public void RetiredKeysSeals_AreNotInTheRing()
    {
        var underFirst = DocumentFingerprint.Seal(First, DocumentKind.Participation, Values);
        var beforeIds = DocumentFingerprint.Seal(Unnamed, DocumentKind.Participation, Values);
        var retired = new SigningKeyRing(Second, []);

        Assert.Equal(SealCheck.KeyNotInRing, DocumentFingerprint.Check(underFirst, retired, DocumentKind.Participation, Values));
        Assert.Equal(SealCheck.KeyNotInRing, DocumentFingerprint.Check(beforeIds, retired, DocumentKind.Participation, Values));
    }

    [Fact]
    public void ATamperedKeyId_NeverMatches()
    {
        var ring = new SigningKeyRing(Second, [First, Unnamed]);
        var underFirst = DocumentFingerprint.Seal(First, DocumentKind.Participation, Values);
        var mac = KeyIdTag.Split(underFirst).Mac;

        Assert.Equal(SealCheck.DoesNotMatch, DocumentFingerprint.Check("k2." + mac, ring, DocumentKind.Participation, Values));
        Assert.Equal(SealCheck.KeyNotInRing, DocumentFingerprint.Check("k9." + mac, ring, DocumentKind.Participation, Values));
        Assert.Equal(SealCheck.DoesNotMatch, DocumentFingerprint.Check(mac, ring, DocumentKind.Participation, Values));
    }
}
