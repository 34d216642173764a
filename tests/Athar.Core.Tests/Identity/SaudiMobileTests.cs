using Athar.Core.Identity;

namespace Athar.Core.Tests.Identity;

public class SaudiMobileTests
{
    [Theory]
    [InlineData("0501234567")]
    [InlineData("501234567")]
    [InlineData("966501234567")]
    [InlineData("+966501234567")]
    [InlineData("00966501234567")]
    [InlineData("050 123 4567")]
    [InlineData("050-123-4567")]
    [InlineData("(050) 123-4567")]
    [InlineData("+966 50 123 4567")]
    [InlineData("+966-50-123-4567")]
    [InlineData("00 966 50 123 4567")]
    [InlineData("  0501234567  ")]
    [InlineData("٠٥٠١٢٣٤٥٦٧")]
    [InlineData("+٩٦٦٥٠١٢٣٤٥٦٧")]
    [InlineData("٠٠٩٦٦ ٥٠ ١٢٣ ٤٥٦٧")]
    [InlineData("۰۵۰۱۲۳۴۵۶۷")]
    [InlineData("\u200f0501234567")]
    public void Normalize_WhenInputIsAnAcceptedForm_ReturnsInternationalForm(string input)
    {
        Assert.Equal("+966501234567", SaudiMobile.Normalize(input));
    }

    [Theory]
    [InlineData("0551234567", "+966551234567")]
    [InlineData("0591234567", "+966591234567")]
    [InlineData("0531234567", "+966531234567")]
    [InlineData("+966599999999", "+966599999999")]
    public void Normalize_KeepsTheSubscriberDigits(string input, string expected)
    {
        Assert.Equal(expected, SaudiMobile.Normalize(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_WhenMissing_ReturnsNull(string? input)
    {
        Assert.Null(SaudiMobile.Normalize(input));
    }

    [Theory]
    [InlineData("0112345678")]
    [InlineData("011 234 5678")]
    [InlineData("0138123456")]
    [InlineData("+966112345678")]
    [InlineData("966112345678")]
    [InlineData("00966112345678")]
    public void Normalize_WhenNumberIsALandline_ReturnsNull(string input)
    {
        Assert.Null(SaudiMobile.Normalize(input));
    }

    [Theory]
    [InlineData("050123456")]
    [InlineData("05012345678")]
    [InlineData("50123456")]
    [InlineData("+96650123456")]
    [InlineData("+9665012345678")]
    [InlineData("5")]
    public void Normalize_WhenLengthIsWrong_ReturnsNull(string input)
    {
        Assert.Null(SaudiMobile.Normalize(input));
    }

    [Theory]
    [InlineData("05O1234567")]
    [InlineData("mobile")]
    [InlineData("0501234567x")]
    [InlineData("050.123.4567")]
    [InlineData("050/1234567")]
    public void Normalize_WhenInputHasLettersOrOtherSymbols_ReturnsNull(string input)
    {
        Assert.Null(SaudiMobile.Normalize(input));
    }

    [Theory]
    [InlineData("+966401234567")]
    [InlineData("+966012345678")]
    [InlineData("966912345678")]
    public void Normalize_When966IsNotFollowedByFive_ReturnsNull(string input)
    {
        Assert.Null(SaudiMobile.Normalize(input));
    }

    [Theory]
    [InlineData("+971501234567")]
    [InlineData("00971501234567")]
    [InlineData("971501234567")]
    [InlineData("+20501234567")]
    [InlineData("+1 555 123 4567")]
    [InlineData("+501234567")]
    public void Normalize_WhenCountryCodeIsNotSaudi_ReturnsNull(string input)
    {
        Assert.Null(SaudiMobile.Normalize(input));
    }

    [Fact]
    public void ToLocal_ReturnsTheZeroFiveForm()
    {
        Assert.Equal("0501234567", SaudiMobile.ToLocal("+966501234567"));
    }

    [Fact]
    public void ToLocal_WhenNotCanonical_ReturnsInputUnchanged()
    {
        Assert.Equal("0501234567", SaudiMobile.ToLocal("0501234567"));
    }

    [Fact]
    public void Mask_ShowsThreeLeadingAndTwoTrailingLocalDigits()
    {
        Assert.Equal("050*****67", SaudiMobile.Mask("+966501234567"));
    }

    [Fact]
    public void Mask_OfNormalizedInput_NeverShowsTheFullNumber()
    {
        var canonical = SaudiMobile.Normalize("055 987 6543")!;

        var masked = SaudiMobile.Mask(canonical);

        Assert.Equal("055*****43", masked);
        Assert.DoesNotContain("9876543", masked, StringComparison.Ordinal);
    }
}
