using Athar.Core.Common;

namespace Athar.Core.Tests.Common;

public class SigningKeyRingTests
{
    private static readonly byte[] Secret = new byte[32];

    [Theory]
    [InlineData("k1", true)]
    [InlineData("2026dec", true)]
    [InlineData("", false)]
    [InlineData("K1", false)]
    [InlineData("k.1", false)]
    [InlineData("toolongid", false)]
    public void KeyIds_AreShortLowerCaseLettersAndDigits(string id, bool valid) => Assert.Equal(valid, SigningKey.IsValidId(id));

    [Fact]
    public void AnIdTwiceInTheRing_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new SigningKeyRing(new SigningKey("k1", Secret), [new SigningKey("k1", Secret)]));

    [Fact]
    public void Find_KnowsEveryKeyOfTheRing_AndNothingElse()
    {
        var ring = new SigningKeyRing(new SigningKey("k2", Secret), [new SigningKey("k1", Secret), new SigningKey("", Secret)]);
        Assert.Equal("k1", ring.Find("k1")?.Id);
        Assert.Equal("", ring.Find("")?.Id);
        Assert.Null(ring.Find("k3"));
        Assert.Equal(3, ring.All.Count);
    }
}
