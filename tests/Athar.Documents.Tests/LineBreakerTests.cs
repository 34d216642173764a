using Athar.Documents.Text;

namespace Athar.Documents.Tests;

public class LineBreakerTests
{
    private static float Characters(string text) => text.Length;

    [Fact]
    public void Wrap_BreaksAtSpacesWithinTheWidth()
    {
        Assert.Equal(["aaa bbb", "ccc"], LineBreaker.Wrap("aaa bbb ccc", 7, Characters));
    }

    [Fact]
    public void Wrap_Arabic_BreaksInReadingOrder()
    {
        Assert.Equal(["عبدالله بن", "محمد القحطاني"], LineBreaker.Wrap("عبدالله بن محمد القحطاني", 13, Characters));
    }

    [Fact]
    public void Wrap_CutsAWordWiderThanTheLine()
    {
        Assert.Equal(["see", "https://", "athar.sa", "/v/1"], LineBreaker.Wrap("see https://athar.sa/v/1", 8, Characters));
    }

    [Fact]
    public void Wrap_KeepsLineFeedsAndCollapsesSpaces()
    {
        Assert.Equal(["one  two".Replace("  ", " ", StringComparison.Ordinal), "three"], LineBreaker.Wrap("one   two\nthree", 40, Characters));
    }

    [Fact]
    public void Wrap_EmptyText_IsOneEmptyLine()
    {
        Assert.Equal([""], LineBreaker.Wrap("", 10, Characters));
    }
}
