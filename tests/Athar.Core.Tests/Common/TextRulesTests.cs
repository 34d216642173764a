using Athar.Core.Common;

namespace Athar.Core.Tests.Common;

public class TextRulesTests
{
    [Theory]
    [InlineData("محمد بن عبدالله", "محمد بن عبدالله")]
    [InlineData("  محمد    علي  ", "محمد علي")]
    [InlineData("مُحَمَّد", "مُحَمَّد")]
    [InlineData("Abd-Allah O'Neil Jr.", "Abd-Allah O'Neil Jr.")]
    [InlineData("Li", "Li")]
    public void CheckName_WhenNameIsValid_ReturnsItWithCollapsedSpaces(string input, string expected)
    {
        var errors = new List<FieldError>();

        Assert.Equal(expected, TextRules.CheckName(input, "Name", required: true, errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void CheckName_WhenRequiredAndMissing_ReturnsFieldRequired(string? input)
    {
        var errors = new List<FieldError>();

        Assert.Null(TextRules.CheckName(input, "Name", required: true, errors));
        AssertSingle(errors, "Name", "Field.Required");
    }

    [Fact]
    public void CheckName_WhenOptionalAndMissing_ReturnsNullWithoutError()
    {
        var errors = new List<FieldError>();

        Assert.Null(TextRules.CheckName(null, "Name", required: false, errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void CheckName_AtMaximumLength_IsAccepted()
    {
        var errors = new List<FieldError>();
        var name = new string('م', TextRules.NameMaxLength);

        Assert.Equal(name, TextRules.CheckName(name, "Name", required: true, errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void CheckName_WhenLongerThanMaximum_ReturnsTextTooLongWithTheLimit()
    {
        var errors = new List<FieldError>();

        Assert.Null(TextRules.CheckName(new string('م', TextRules.NameMaxLength + 1), "Name", required: true, errors));
        var error = AssertSingle(errors, "Name", "Text.TooLong");
        Assert.Equal<object>(TextRules.NameMaxLength, Assert.Single(error.Arguments));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<b>محمد</b>")]
    [InlineData("محمد\u202eعلي")]
    [InlineData("محمد\u2067علي")]
    [InlineData("محمد\u0000")]
    [InlineData("م")]
    [InlineData("Ali2")]
    [InlineData("محمد١")]
    [InlineData("--")]
    [InlineData("Ali@example.com")]
    [InlineData("Robert'); DROP TABLE Students;--")]
    public void CheckName_WhenNameHasMarkupDigitsOrControls_ReturnsNameInvalid(string input)
    {
        var errors = new List<FieldError>();

        Assert.Null(TextRules.CheckName(input, "Name", required: true, errors));
        AssertSingle(errors, "Name", "Name.Invalid");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void CheckFreeText_WhenEmpty_ReturnsNullWithoutError(string? input)
    {
        var errors = new List<FieldError>();

        Assert.Null(TextRules.CheckFreeText(input, "Skills", errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("  إسعافات أولية  ", "إسعافات أولية")]
    [InlineData("First aid, 3 years (Red Crescent) & driving", "First aid, 3 years (Red Crescent) & driving")]
    [InlineData("سطر أول\nسطر ثان\r\n\tمسافة", "سطر أول\nسطر ثان\r\n\tمسافة")]
    [InlineData("تصميم UI\u200f", "تصميم UI\u200f")]
    public void CheckFreeText_WhenSafe_ReturnsTrimmedText(string input, string expected)
    {
        var errors = new List<FieldError>();

        Assert.Equal(expected, TextRules.CheckFreeText(input, "Skills", errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("<b>bold</b>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("a > b")]
    [InlineData("مهندس\u202eبرمجيات")]
    [InlineData("\u202dtext")]
    [InlineData("text\u2066")]
    [InlineData("\ufefftext")]
    [InlineData("bell\u0007")]
    [InlineData("nul\u0000text")]
    public void CheckFreeText_WhenTextHasMarkupOrBidiOverride_ReturnsTextUnsafe(string input)
    {
        var errors = new List<FieldError>();

        Assert.Null(TextRules.CheckFreeText(input, "Skills", errors));
        AssertSingle(errors, "Skills", "Text.Unsafe");
    }

    [Fact]
    public void CheckFreeText_AtMaximumLength_IsAccepted()
    {
        var errors = new List<FieldError>();
        var text = new string('x', TextRules.FreeTextMaxLength);

        Assert.Equal(text, TextRules.CheckFreeText(text, "Skills", errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void CheckFreeText_WhenLongerThanMaximum_ReturnsTextTooLongWithTheLimit()
    {
        var errors = new List<FieldError>();

        Assert.Null(TextRules.CheckFreeText(new string('x', TextRules.FreeTextMaxLength + 1), "Skills", errors));
        var error = AssertSingle(errors, "Skills", "Text.TooLong");
        Assert.Equal<object>(TextRules.FreeTextMaxLength, Assert.Single(error.Arguments));
    }

    [Fact]
    public void CheckFreeText_WithCustomMaximum_UsesIt()
    {
        var errors = new List<FieldError>();

        Assert.Null(TextRules.CheckFreeText("abcdef", "Bio", errors, maxLength: 5));
        var error = AssertSingle(errors, "Bio", "Text.TooLong");
        Assert.Equal<object>(5, Assert.Single(error.Arguments));
    }

    [Theory]
    [InlineData("<", true)]
    [InlineData(">", true)]
    [InlineData("\u202e", true)]
    [InlineData("\u202a", true)]
    [InlineData("\u2069", true)]
    [InlineData("\u001b", true)]
    [InlineData("plain نص", false)]
    [InlineData("line\nbreak\ttab", false)]
    [InlineData("\u200e\u200f", false)]
    public void HasMarkupOrControl_DetectsAngleBracketsAndInvisibleOverrides(string input, bool expected)
    {
        Assert.Equal(expected, TextRules.HasMarkupOrControl(input));
    }

    private static FieldError AssertSingle(List<FieldError> errors, string field, string code)
    {
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(code, error.Code);
        return error;
    }
}
