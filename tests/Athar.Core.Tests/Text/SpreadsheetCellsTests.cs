using Athar.Core.Text;

namespace Athar.Core.Tests.Text;

public class SpreadsheetCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Neutralise_TextAFormulaWouldRun_GetsALeadingApostrophe(string text)
    {
        Assert.True(SpreadsheetCells.LooksLikeFormula(text));
        Assert.Equal("'" + text, SpreadsheetCells.Neutralise(text));
    }

    [Theory]
    [InlineData("ريم الشهري")]
    [InlineData("Iftar meal distribution")]
    [InlineData("a=b")]
    [InlineData(" =1+1")]
    [InlineData("")]
    public void Neutralise_OrdinaryText_IsUnchanged(string text)
    {
        Assert.False(SpreadsheetCells.LooksLikeFormula(text));
        Assert.Equal(text, SpreadsheetCells.Neutralise(text));
    }

    [Fact]
    public void Neutralise_Null_IsEmpty() => Assert.Equal("", SpreadsheetCells.Neutralise(null));

    [Fact]
    public void CsvText_NeutralisesBeforeQuoting_SoTheQuotesCannotHideTheFormula() =>
        // A CSV reader strips the quotes first; the apostrophe must be inside them.
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", SpreadsheetCells.CsvText("=HYPERLINK(\"http://evil.example\",\"x\")"));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    public void CsvText_QuotesOnlyWhenNeeded(string text, string expected) => Assert.Equal(expected, SpreadsheetCells.CsvText(text));

    [Fact]
    public void CsvTextQuoted_AlwaysQuotes_AndNeutralises() =>
        Assert.Equal("\"'@SUM(A1)\"", SpreadsheetCells.CsvTextQuoted("@SUM(A1)"));

    [Fact]
    public void CsvQuote_LeavesANegativeNumberAlone() => Assert.Equal("-5", SpreadsheetCells.CsvQuote("-5"));
}
