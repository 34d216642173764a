using Athar.Core.Text;

namespace Athar.Core.Tests.Text;

public class ArabicNormalizerTests
{
    // Spelling variants that must find each other, whichever side is indexed and whichever is typed.
    public static TheoryData<string, string> EquivalentSpellings => new()
    {
        { "مستشفى", "مستشفي" },          // alef maqsura / yaa
        { "كَتَبَ", "كتب" },              // diacritics
        { "أحمد", "احمد" },              // hamza above
        { "إسلام", "اسلام" },            // hamza below
        { "آمنة", "امنه" },              // madda, taa marbuta / haa
        { "المدرسة", "مدرسه" },          // definite article, taa marbuta
        { "العـــربية", "العربية" },      // tatweel
        { "volunteering", "volunteers" },
        { "volunteering", "Volunteer" },
        { "volunteers", "Volunteer" },
        { "١٢٣", "123" },                // Arabic-Indic digits
        { "۱۲۳", "123" },                // Persian digits
        { "مسؤول", "مسوول" },            // hamza on waw
        { "مسائل", "مسايل" },            // hamza on yaa
        { "والمدرسة", "مدرسة" },
        { "بالمدرسة", "مدرسة" },
        { "للمدرسة", "مدرسة" },
    };

    [Theory]
    [MemberData(nameof(EquivalentSpellings))]
    public void Matches_WhenSpellingsAreEquivalent_MatchesInBothDirections(string first, string second)
    {
        Assert.True(ArabicNormalizer.Matches(first, second), $"'{second}' should find '{first}'");
        Assert.True(ArabicNormalizer.Matches(second, first), $"'{first}' should find '{second}'");
    }

    [Theory]
    [MemberData(nameof(EquivalentSpellings))]
    public void Tokens_WhenSpellingsAreEquivalent_AreEqual(string first, string second)
    {
        Assert.Equal(ArabicNormalizer.Tokens(first), ArabicNormalizer.Tokens(second));
    }

    [Theory]
    [InlineData("volunteering", "volunteer")]
    [InlineData("volunteers", "volunteer")]
    [InlineData("Volunteer", "volunteer")]
    [InlineData("VOLUNTEERS", "volunteer")]
    public void Stem_OfEnglishInflections_IsTheBaseWord(string word, string expected)
    {
        Assert.Equal([expected], ArabicNormalizer.Tokens(word));
    }

    [Theory]
    [InlineData("مستشفى", "مدرسة")]
    [InlineData("أحمد", "محمد")]
    [InlineData("كتب", "كاتب")]
    [InlineData("مستشفى الملك فهد", "مستشفى خالد")]
    [InlineData("volunteer", "teacher")]
    [InlineData("١٢٣", "124")]
    [InlineData("جدة", "جدار")]
    public void Matches_WhenWordsDiffer_DoesNotMatch(string indexed, string query)
    {
        Assert.False(ArabicNormalizer.Matches(indexed, query));
        Assert.NotEqual(ArabicNormalizer.Tokens(indexed), ArabicNormalizer.Tokens(query));
    }

    [Theory]
    [InlineData("مستشفى الملك فهد", "مستش")]
    [InlineData("مستشفى الملك فهد", "فهد مستشفي")]
    [InlineData("جمعية البر الخيرية", "الخير")]
    [InlineData("Volunteering in Riyadh", "riyadh volun")]
    public void Matches_WhenEveryQueryWordStartsSomeIndexedWord_Matches(string indexed, string query)
    {
        Assert.True(ArabicNormalizer.Matches(indexed, query));
    }

    [Theory]
    [InlineData("مرحبا،عالم", "مرحبا عالم")]
    [InlineData("سؤال؟جواب", "سوال جواب")]
    [InlineData("صحة؛تعليم", "صحه تعليم")]
    [InlineData("hello,world!", "hello world")]
    [InlineData("«تطوع»", "تطوع")]
    [InlineData("صحي-تعليمي", "صحي تعليمي")]
    [InlineData("a.b", "a b")]
    public void Normalize_WhenPunctuationJoinsWords_SplitsThem(string input, string expected)
    {
        Assert.Equal(expected, ArabicNormalizer.Normalize(input));
    }

    [Fact]
    public void Tokens_WhenPunctuationJoinsWords_ReturnsSeparateWords()
    {
        Assert.Equal(["صحه", "تعليم"], ArabicNormalizer.Tokens("الصحة،التعليم"));
    }

    [Theory]
    [InlineData('\u200c')] // zero-width non-joiner
    [InlineData('\u200d')] // zero-width joiner
    [InlineData('\u200e')] // left-to-right mark
    [InlineData('\u200f')] // right-to-left mark
    [InlineData('\u202a')]
    [InlineData('\u202b')]
    [InlineData('\u202c')]
    [InlineData('\u202d')]
    [InlineData('\u202e')] // right-to-left override
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    [InlineData('\ufeff')] // zero-width no-break space
    public void Normalize_IgnoresInvisibleFormattingCharacters(char invisible)
    {
        var inside = $"مست{invisible}شفى";
        var around = $"{invisible}مستشفى{invisible}";

        Assert.Equal("مستشفي", ArabicNormalizer.Normalize(inside));
        Assert.Equal("مستشفي", ArabicNormalizer.Normalize(around));
        Assert.True(ArabicNormalizer.Matches("مستشفى", inside));
        Assert.True(ArabicNormalizer.Matches(inside, "مستشفى"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Normalize_WhenNullOrEmpty_ReturnsEmpty(string? input)
    {
        Assert.Equal(string.Empty, ArabicNormalizer.Normalize(input));
        Assert.Empty(ArabicNormalizer.Tokens(input));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("ـــ")]
    [InlineData("،؟!")]
    [InlineData("\u200f\u202e")]
    public void Normalize_WhenNothingSearchableRemains_ReturnsEmpty(string input)
    {
        Assert.Equal(string.Empty, ArabicNormalizer.Normalize(input));
        Assert.Empty(ArabicNormalizer.Tokens(input));
    }

    [Fact]
    public void Normalize_CollapsesAndTrimsWhitespace()
    {
        Assert.Equal("جمعيه البر", ArabicNormalizer.Normalize("  جمعية \t\n  البر  "));
    }

    [Fact]
    public void Normalize_LowercasesLatinLetters()
    {
        Assert.Equal("athar riyadh", ArabicNormalizer.Normalize("ATHAR Riyadh"));
    }

    [Fact]
    public void Normalize_RemovesShaddaSukunTanweenAndSuperscriptAlef()
    {
        Assert.Equal("محمد شكرا هذا", ArabicNormalizer.Normalize("مُحَمَّدٌ شُكْراً هٰذا"));
    }

    [Fact]
    public void Tokens_RemovesDuplicateStems()
    {
        Assert.Equal(["مدرسه"], ArabicNormalizer.Tokens("المدرسة مدرسه المدرسه"));
    }

    [Theory]
    [InlineData("الف", "الف")]
    [InlineData("لله", "لله")]
    [InlineData("bees", "bees")]
    public void Stem_WhenWordIsTooShortToStrip_KeepsIt(string token, string expected)
    {
        Assert.Equal(expected, ArabicNormalizer.Stem(token));
    }

    [Theory]
    [InlineData("٠١٢٣٤٥٦٧٨٩", "0123456789")]
    [InlineData("۰۱۲۳۴۵۶۷۸۹", "0123456789")]
    [InlineData("غرفة ١٢", "غرفة 12")]
    [InlineData("أحمد", "أحمد")]
    [InlineData("", "")]
    public void NormalizeDigits_ReplacesOnlyDigits(string input, string expected)
    {
        Assert.Equal(expected, ArabicNormalizer.NormalizeDigits(input));
    }
}
