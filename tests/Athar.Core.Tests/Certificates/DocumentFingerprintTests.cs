using Athar.Core.Certificates;

namespace Athar.Core.Tests.Certificates;

public class DocumentFingerprintTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Compute_IsStableForTheSameValues()
    {
        Assert.Equal(DocumentFingerprint.Compute(Key, DocumentKind.Participation, ["a", "120"]),
            DocumentFingerprint.Compute(Key, DocumentKind.Participation, ["a", "120"]));
    }

    [Fact]
    public void Compute_ChangesWhenAnyValueChanges()
    {
        var original = DocumentFingerprint.Compute(Key, DocumentKind.Participation, ["عبدالله", "120"]);
        Assert.NotEqual(original, DocumentFingerprint.Compute(Key, DocumentKind.Participation, ["عبدالله", "121"]));
        Assert.NotEqual(original, DocumentFingerprint.Compute(Key, DocumentKind.Training, ["عبدالله", "120"]));
    }

    [Fact]
    public void Compute_ValuesCannotRunIntoEachOther()
    {
        Assert.NotEqual(DocumentFingerprint.Compute(Key, DocumentKind.License, ["ab", "c"]),
            DocumentFingerprint.Compute(Key, DocumentKind.License, ["a", "bc"]));
    }

    [Fact]
    public void Compute_DependsOnTheKey()
    {
        var other = Key.Reverse().ToArray();
        Assert.NotEqual(DocumentFingerprint.Compute(Key, DocumentKind.License, ["x"]), DocumentFingerprint.Compute(other, DocumentKind.License, ["x"]));
    }

    [Fact]
    public void Compute_TreatsComposedAndDecomposedArabicAlike()
    {
        // آ (alef with madda) composed vs alef + combining madda.
        Assert.Equal(DocumentFingerprint.Compute(Key, DocumentKind.License, ["\u0622"]), DocumentFingerprint.Compute(Key, DocumentKind.License, ["\u0627\u0653"]));
    }

    [Fact]
    public void Matches_ComparesExactly()
    {
        var seal = DocumentFingerprint.Compute(Key, DocumentKind.License, ["x"]);
        Assert.True(DocumentFingerprint.Matches(seal, seal));
        Assert.False(DocumentFingerprint.Matches(seal, seal[..^1] + (seal[^1] == '0' ? '1' : '0')));
    }
}
