using Athar.Core.Accounts;
using Athar.Core.Identity;

namespace Athar.Core.Tests.Identity;

public class NationalIdTests
{
    // Check digits below were worked out by hand with the textbook (right-to-left) Luhn algorithm.
    [Theory]
    [InlineData("1000000008", true)]
    [InlineData("1234567897", true)]
    [InlineData("1045678230", true)]
    [InlineData("1100000007", true)]
    [InlineData("2000000006", false)]
    [InlineData("2345678912", false)]
    [InlineData("2987654320", false)]
    public void Validate_WhenIdHasValidCheckDigit_ReturnsNoErrorAndTheId(string input, bool isCitizen)
    {
        var error = NationalId.Validate(input, out var id);

        Assert.Null(error);
        Assert.Equal(input, id.Value);
        Assert.Equal(isCitizen, id.IsCitizen);
    }

    [Fact]
    public void FromNineDigits_ForCitizenAndResidentPrefixes_AppendsTheLuhnCheckDigit()
    {
        var random = new Random(20261123);
        foreach (var prefix in new[] { '1', '2' })
        {
            for (var n = 0; n < 250; n++)
            {
                var nine = prefix + RandomDigits(random, 8);

                var id = NationalId.FromNineDigits(nine);

                Assert.Equal(nine + LuhnCheckDigit(nine), id.Value);
                Assert.Null(NationalId.Validate(id.Value, out var parsed));
                Assert.Equal(id, parsed);
                Assert.Equal(prefix == '1', id.IsCitizen);
            }
        }
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("")]
    public void FromNineDigits_WhenNotNineDigits_Throws(string input)
    {
        Assert.Throws<ArgumentException>(() => NationalId.FromNineDigits(input));
    }

    [Fact]
    public void Validate_WhenAnySingleDigitIsChanged_RejectsTheId()
    {
        var random = new Random(1447);
        var valid = new List<string> { "1000000008", "1234567897", "2000000006", "2987654320" };
        for (var n = 0; n < 50; n++)
        {
            valid.Add(NationalId.FromNineDigits((random.Next(2) == 0 ? "1" : "2") + RandomDigits(random, 8)).Value);
        }

        foreach (var id in valid)
        {
            for (var position = 0; position < 10; position++)
            {
                for (var digit = '0'; digit <= '9'; digit++)
                {
                    if (digit == id[position])
                        continue;
                    var corrupted = id.ToCharArray();
                    corrupted[position] = digit;
                    var text = new string(corrupted);

                    var error = NationalId.Validate(text, out _);

                    var expected = position == 0 && digit is not ('1' or '2')
                        ? NationalIdError.BadPrefix
                        : NationalIdError.BadCheckDigit;
                    Assert.True(error == expected, $"{text} (from {id}) gave {error}, expected {expected}");
                }
            }
        }
    }

    [Theory]
    [InlineData("1000000009")]
    [InlineData("1234567890")]
    [InlineData("2000000000")]
    public void Validate_WhenCheckDigitIsWrong_ReturnsBadCheckDigit(string input)
    {
        Assert.Equal(NationalIdError.BadCheckDigit, NationalId.Validate(input, out var id));
        Assert.Equal(default, id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_WhenMissing_ReturnsMissing(string? input)
    {
        Assert.Equal(NationalIdError.Missing, NationalId.Validate(input, out _));
    }

    [Theory]
    [InlineData("100000000")]
    [InlineData("10000000008")]
    [InlineData("1")]
    [InlineData("123456789012345")]
    public void Validate_WhenLengthIsNotTen_ReturnsNotTenDigits(string input)
    {
        Assert.Equal(NationalIdError.NotTenDigits, NationalId.Validate(input, out _));
    }

    [Theory]
    [InlineData("10000000O8")]
    [InlineData("1000-00008")]
    [InlineData("1000 00008")]
    [InlineData("abcdefghij")]
    [InlineData("+100000008")]
    [InlineData("１０００００００００８")]
    public void Validate_WhenInputHasNonDigits_ReturnsNotTenDigits(string input)
    {
        Assert.Equal(NationalIdError.NotTenDigits, NationalId.Validate(input, out _));
    }

    [Theory]
    [InlineData("3000000004")]
    [InlineData("0000000000")]
    [InlineData("9000000000")]
    public void Validate_WhenFirstDigitIsNotOneOrTwo_ReturnsBadPrefix(string input)
    {
        // 3000000004 and 0000000000 pass Luhn: the prefix is checked on its own.
        Assert.Equal(NationalIdError.BadPrefix, NationalId.Validate(input, out _));
    }

    [Theory]
    [InlineData("١٠٠٠٠٠٠٠٠٨", "1000000008")]
    [InlineData("١٢٣٤٥٦٧٨٩٧", "1234567897")]
    [InlineData("۲۰۰۰۰۰۰۰۰۶", "2000000006")]
    [InlineData("١٢٣٤5678٩٧", "1234567897")]
    [InlineData("  1234567897  ", "1234567897")]
    public void Validate_WhenDigitsAreArabicIndicOrPadded_ReturnsCanonicalAsciiId(string input, string expected)
    {
        Assert.Null(NationalId.Validate(input, out var id));
        Assert.Equal(expected, id.Value);
        Assert.Equal(NationalId.Parse(expected), id);
    }

    [Fact]
    public void TryParse_WhenValid_ReturnsTrueAndTheId()
    {
        Assert.True(NationalId.TryParse("1234567897", out var id));
        Assert.Equal("1234567897", id.Value.Value);
    }

    [Fact]
    public void TryParse_WhenInvalid_ReturnsFalseAndNull()
    {
        Assert.False(NationalId.TryParse("1234567890", out var id));
        Assert.Null(id);
    }

    [Fact]
    public void Parse_WhenInvalid_ThrowsFormatExceptionThatDoesNotEchoTheInput()
    {
        var ex = Assert.Throws<FormatException>(() => NationalId.Parse("1234567890"));

        Assert.Contains(nameof(NationalIdError.BadCheckDigit), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567890", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234567897", "1******897")]
    [InlineData("2000000006", "2******006")]
    public void Masked_ShowsFirstDigitAndLastThree(string input, string expected)
    {
        Assert.Equal(expected, NationalId.Parse(input).Masked);
        Assert.Equal(expected, NationalId.Mask(input));
    }

    [Theory]
    [InlineData("1234", "****")]
    [InlineData("", "")]
    [InlineData("12345", "1*345")]
    public void Mask_WhenValueIsShort_NeverShowsTheWholeValue(string input, string expected)
    {
        Assert.Equal(expected, NationalId.Mask(input));
    }

    [Fact]
    public void ToString_NeverRevealsTheFullId()
    {
        var id = NationalId.Parse("1234567897");
        var guardian = new GuardianDetails("ولي الأمر", id, "+966501234567");

        Assert.Equal("1******897", id.ToString());
        Assert.Equal("1******897", $"{id}");
        Assert.DoesNotContain("1234567897", guardian.ToString(), StringComparison.Ordinal);
        Assert.Contains("1******897", guardian.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_ComparesCanonicalValues()
    {
        Assert.Equal(NationalId.Parse("١٢٣٤٥٦٧٨٩٧"), NationalId.Parse("1234567897"));
        Assert.NotEqual(NationalId.Parse("1000000008"), NationalId.Parse("1234567897"));
    }

    private static string RandomDigits(Random random, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
            chars[i] = (char)('0' + random.Next(10));
        return new string(chars);
    }

    // Textbook Luhn, written independently of the code under test: from the right, the digit
    // next to the (future) check digit is doubled, then every other one.
    private static char LuhnCheckDigit(string payload)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                    d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
