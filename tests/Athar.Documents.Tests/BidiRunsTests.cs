using Athar.Documents.Text;

namespace Athar.Documents.Tests;

public class BidiRunsTests
{
    private static (string Text, int Level)[] Runs(string line, TextDirection direction) =>
        BidiRuns.Split(line, direction).Select(r => (r.TextOf(line), r.Level)).ToArray();

    private static string[] Visual(string line, TextDirection direction) =>
        BidiRuns.SplitInVisualOrder(line, direction).Select(r => r.TextOf(line)).ToArray();

    [Fact]
    public void Split_ArabicWithNumbersAndParentheses_KeepsNumbersLeftToRight()
    {
        const string line = "ساعات التطوع: 120 ساعة (2026)";

        Assert.Equal(
            [("ساعات التطوع: ", 1), ("120", 2), (" ساعة (", 1), ("2026", 2), (")", 1)],
            Runs(line, TextDirection.RightToLeft));
        Assert.Equal([")", "2026", " ساعة (", "120", "ساعات التطوع: "], Visual(line, TextDirection.RightToLeft));
    }

    [Fact]
    public void Split_ArabicIndicDigits_AreALeftToRightRunReadFirstFromTheRight()
    {
        const string line = "١٢٠ ساعة";

        Assert.Equal([("١٢٠", 2), (" ساعة", 1)], Runs(line, TextDirection.RightToLeft));
        Assert.Equal([" ساعة", "١٢٠"], Visual(line, TextDirection.RightToLeft));
    }

    [Fact]
    public void Split_HijriDateWithEmDash_OrdersEveryPart()
    {
        const string line = "٥ جمادى الآخرة ١٤٤٨ هـ — 15 نوفمبر 2026";

        Assert.Equal(
            ["2026", " نوفمبر ", "15", " هـ — ", "١٤٤٨", " جمادى الآخرة ", "٥"],
            Visual(line, TextDirection.RightToLeft));
    }

    [Fact]
    public void Split_LatinWordsInsideArabic_FormOneLeftToRightRun()
    {
        const string line = "منصة Athar 2026 الوطنية";

        Assert.Equal([("منصة ", 1), ("Athar 2026", 2), (" الوطنية", 1)], Runs(line, TextDirection.RightToLeft));
        Assert.Equal([" الوطنية", "Athar 2026", "منصة "], Visual(line, TextDirection.RightToLeft));
    }

    [Fact]
    public void Split_DatesAndThousands_StayOneNumber()
    {
        Assert.Equal([("التاريخ ", 1), ("2026-02-01", 2)], Runs("التاريخ 2026-02-01", TextDirection.RightToLeft));
        Assert.Equal([("المجموع: ", 1), ("٣٬٢٤٠", 2), (" ساعة", 1)], Runs("المجموع: ٣٬٢٤٠ ساعة", TextDirection.RightToLeft));
        Assert.Equal([("Total: 3,240 hours", 0)], Runs("Total: 3,240 hours", TextDirection.LeftToRight));
    }

    [Fact]
    public void Split_ArabicNameInsideEnglish_FollowsTheUnicodeAlgorithm()
    {
        const string line = "Name: عبدالله 120 hours";

        Assert.Equal([("Name: ", 0), ("عبدالله ", 1), ("120", 2), (" hours", 0)], Runs(line, TextDirection.LeftToRight));
        Assert.Equal(["Name: ", "120", "عبدالله ", " hours"], Visual(line, TextDirection.LeftToRight));
    }

    [Fact]
    public void Split_EnglishOnly_IsOneRun()
    {
        Assert.Equal([("Athar certifies that (2026)", 0)], Runs("Athar certifies that (2026)", TextDirection.LeftToRight));
        Assert.Empty(BidiRuns.Split("", TextDirection.RightToLeft));
    }

    [Theory]
    [InlineData("عبدالله بن محمد", true)]
    [InlineData("2026 Athar", false)]
    [InlineData("١٢٠ ساعة", true)]
    [InlineData("", false)]
    public void StartsRightToLeft_LooksAtTheFirstLetter(string text, bool expected)
    {
        Assert.Equal(expected, BidiRuns.StartsRightToLeft(text));
    }
}
