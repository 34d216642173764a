using Athar.Core.Organizations;

namespace Athar.Core.Tests.Organizations;

public class OrganizationPhoneTests
{
    [Theory]
    [InlineData("0501234567", "+966501234567")]
    [InlineData("+966 50 123 4567", "+966501234567")]
    [InlineData("0114567890", "+966114567890")]
    [InlineData("011 456 7890", "+966114567890")]
    [InlineData("+966 12 654 3210", "+966126543210")]
    [InlineData("00966136543210", "+966136543210")]
    [InlineData("٠١٧٢٢٢٣٣٤٤", "+966172223344")]
    [InlineData("920012345", "920012345")]
    [InlineData("9200 12345", "920012345")]
    public void Normalize_AcceptsMobilesLandlinesAndUnifiedNumbers(string input, string expected)
    {
        Assert.Equal(expected, OrganizationPhone.Normalize(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("0184567890")]
    [InlineData("0104567890")]
    [InlineData("01145678901")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+920012345")]
    [InlineData("0114567890 ext 2")]
    [InlineData("966920012345")]
    public void Normalize_RefusesAnythingElse(string? input)
    {
        Assert.Null(OrganizationPhone.Normalize(input));
    }

    [Theory]
    [InlineData("+966126543210", "0126543210")]
    [InlineData("+966501234567", "0501234567")]
    [InlineData("920012345", "920012345")]
    public void ToLocal_ShowsTheNumberAsPeopleDialIt(string canonical, string expected)
    {
        Assert.Equal(expected, OrganizationPhone.ToLocal(canonical));
    }
}
