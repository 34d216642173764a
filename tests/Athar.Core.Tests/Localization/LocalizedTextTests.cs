using System.Globalization;
using Athar.Core.Localization;

namespace Athar.Core.Tests.Localization;

public class LocalizedTextTests
{
    private readonly LocalizedText _text = new("الرياض", "Riyadh");

    [Theory]
    [InlineData("ar")]
    [InlineData("ar-SA")]
    public void For_ArabicCulture_ReturnsArabic(string culture)
    {
        Assert.Equal("الرياض", _text.For(CultureInfo.GetCultureInfo(culture)));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB")]
    [InlineData("fr")]
    public void For_OtherCultures_ReturnsEnglish(string culture)
    {
        Assert.Equal("Riyadh", _text.For(CultureInfo.GetCultureInfo(culture)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void For_WhenEnglishIsMissing_FallsBackToArabic(string? english)
    {
        var text = new LocalizedText("الرياض", english);

        Assert.Equal("الرياض", text.For(CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Current_FollowsTheCurrentUiCulture()
    {
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ar-SA");
            Assert.Equal("الرياض", _text.Current);
            Assert.Equal("الرياض", _text.ToString());

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("Riyadh", _text.Current);
            Assert.Equal("Riyadh", _text.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }
}
