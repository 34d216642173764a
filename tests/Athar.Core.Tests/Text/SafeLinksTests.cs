using Athar.Core.Text;

namespace Athar.Core.Tests.Text;

public class SafeLinksTests
{
    [Theory]
    [InlineData("https://example.org.sa")]
    [InlineData("http://example.org.sa/about?lang=ar#team")]
    [InlineData("HTTPS://Example.org.sa/")]
    [InlineData("https://جمعية.السعودية/")]
    public void ExternalHref_AbsoluteHttpAddress_IsALink(string address) =>
        Assert.Equal(address, SafeLinks.ExternalHref(address));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("javascript://example.org/%0Aalert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https:\\\\evil.example")]
    [InlineData("https://bank.example@evil.example")]
    [InlineData("https://example.org/\u202Egnp.exe")]
    [InlineData("https://exa\u200Bmple.org")]
    [InlineData("https://example.org/ onmouseover=alert(1)")]
    [InlineData("https://example.org/\"onmouseover=\"alert(1)")]
    [InlineData("ftp://example.org")]
    [InlineData("example.org")]
    [InlineData("/me/licenses")]
    [InlineData("https://")]
    [InlineData("")]
    [InlineData(null)]
    public void ExternalHref_AnythingElse_IsText(string? address) =>
        Assert.Null(SafeLinks.ExternalHref(address));

    [Fact]
    public void ExternalHref_AbsurdlyLongAddress_IsText() =>
        Assert.Null(SafeLinks.ExternalHref("https://example.org/" + new string('a', SafeLinks.MaxLength)));

    [Theory]
    [InlineData("/me/licenses")]
    [InlineData("/org")]
    [InlineData("/opportunities/12?tab=shifts")]
    [InlineData("/")]
    public void LocalHref_PathOnThisSite_IsALink(string address) =>
        Assert.Equal(address, SafeLinks.LocalHref(address));

    [Theory]
    [InlineData("//evil.example/me")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/me")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" /me")]
    [InlineData("/me\njavascript:alert(1)")]
    [InlineData("me/licenses")]
    [InlineData(null)]
    public void LocalHref_AnythingElse_IsNotALink(string? address) =>
        Assert.Null(SafeLinks.LocalHref(address));
}
