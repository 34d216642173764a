using Athar.Core.Opportunities;

namespace Athar.Core.Tests.Opportunities;

public class OpportunitySearchTests
{
    [Fact]
    public void BuildSearchText_JoinsDistinctNormalisedTokens_WithASpaceOnBothSides()
    {
        var text = OpportunitySearch.BuildSearchText("مستشفى الملك فهد", null, "Hospital VOLUNTEERS", "المستشفى", "volunteering");

        Assert.Equal(" مستشفي ملك فهد hospital volunteer ", text);
    }

    [Fact]
    public void ForOpportunity_IndexesTextOrganizationFieldAndCity()
    {
        var text = OpportunitySearch.ForOpportunity("تنظيف الشاطئ", "Beach clean-up", "مع الفريق", null, "السباحة", "أمانة جدة", "Jeddah Municipality", fieldId: 4, cityId: 202);

        foreach (var token in new[] { "تنظيف", "شاطي", "beach", "clean", "up", "فريق", "سباحه", "امانه", "جده", "jeddah", "municipality", "بييي", "environment" })
            Assert.Contains(" " + token + " ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("كَتَبَ", "كتب")]
    [InlineData("أحمد", "احمد")]
    [InlineData("المدرسة", "مدرسه")]
    [InlineData("العـــربية", "العربية")]
    [InlineData("volunteering", "volunteers")]
    public void QueryTokens_OfEitherSpelling_PrefixAStoredToken(string stored, string typed)
    {
        foreach (var (indexed, query) in new[] { (stored, typed), (typed, stored) })
        {
            var text = OpportunitySearch.BuildSearchText(indexed);
            Assert.All(OpportunitySearch.QueryTokens(query), t => Assert.Contains(OpportunitySearch.LikePattern(t)[1..^1], text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void BuildSearchText_StaysWithinTheColumn_DroppingWholeTokens()
    {
        var words = string.Join(' ', Enumerable.Range(0, 5000).Select(i => "word" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var text = OpportunitySearch.BuildSearchText(words);

        Assert.True(text.Length <= OpportunitySearch.MaxSearchTextLength);
        Assert.EndsWith(" ", text, StringComparison.Ordinal);
        Assert.All(text.Trim().Split(' '), t => Assert.StartsWith("word", t, StringComparison.Ordinal));
    }

    [Fact]
    public void QueryTokens_AreAtMostTwenty_OfAtMostFortyCharacters_WithoutRepeats()
    {
        var query = new string('a', 50) + " " + string.Join(' ', Enumerable.Range(0, 30).Select(i => "t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + " t1 t1";

        var tokens = OpportunitySearch.QueryTokens(query);

        Assert.Equal(20, tokens.Count);
        Assert.Equal(new string('a', 40), tokens[0]);
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ؟ ! ")]
    public void QueryTokens_OfNothingToSearch_AreEmpty(string? query) => Assert.Empty(OpportunitySearch.QueryTokens(query));

    [Fact]
    public void Fts5Match_QuotesEveryTokenAsAPrefixTerm()
    {
        Assert.Equal("\"مستشفي\"* \"volunteer\"*", OpportunitySearch.Fts5Match(OpportunitySearch.QueryTokens("مستشفى Volunteers")));
        // Operators typed by a user are only words after normalisation, never FTS5 syntax.
        Assert.Equal("\"a\"* \"or\"* \"b\"* \"near\"*", OpportunitySearch.Fts5Match(OpportunitySearch.QueryTokens("a\" OR b* NEAR(")));
    }

    [Fact]
    public void LikePattern_MatchesATokenStart() => Assert.Equal("% مدرسه%", OpportunitySearch.LikePattern("مدرسه"));

    [Theory]
    [InlineData(OpportunitySort.Soonest, 638_999_999_999_999_999L)]
    [InlineData(OpportunitySort.Newest, 0L)]
    [InlineData(OpportunitySort.MostSeats, -3L)]
    public void SearchCursor_RoundTrips(OpportunitySort sort, long key)
    {
        var cursor = new SearchCursor(sort, key, Guid.NewGuid());

        Assert.Equal(cursor, SearchCursor.Decode(cursor.Encode()));
        Assert.DoesNotContain('=', cursor.Encode());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("MToxOng")]
    [InlineData("OToxOjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw")]
    public void SearchCursor_WhenGarbled_DecodesToNull(string? value) => Assert.Null(SearchCursor.Decode(value));
}
