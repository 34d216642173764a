using Athar.Core.Common;
using Athar.Core.Organizations;

namespace Athar.Core.Tests.Organizations;

public class OrganizationRegistrationRulesTests
{
    private static OrganizationRegistrationInput Valid() => new()
    {
        NameAr = "جمعية البر بجدة",
        NameEn = "Al-Birr Association (Jeddah)",
        Type = OrganizationKind.NonProfitAssociation,
        RegistrationNumber = "4030123456",
        RegionId = 2,
        CityId = 202,
        FieldIds = [3, 12],
        ContactEmail = "info@albirr.org.sa",
        ContactPhone = "0126543210",
        Website = "albirr.org.sa",
    };

    [Fact]
    public void Validate_WhenInputIsValid_ReturnsCanonicalValues()
    {
        var input = Valid();
        input.NameAr = "  جمعية   البر  بجدة ";
        input.RegistrationNumber = " ٤٠٣٠ ١٢٣٤٥٦ ";
        input.FieldIds = [3, 12, 3];
        input.ContactEmail = " info@albirr.org.sa ";

        var (valid, errors) = OrganizationRegistrationRules.Validate(input);

        Assert.Empty(errors);
        Assert.NotNull(valid);
        Assert.Equal("جمعية البر بجدة", valid.NameAr);
        Assert.Equal("Al-Birr Association (Jeddah)", valid.NameEn);
        Assert.Equal(OrganizationKind.NonProfitAssociation, valid.Type);
        Assert.Equal("4030123456", valid.RegistrationNumber);
        Assert.Equal(2, valid.RegionId);
        Assert.Equal(202, valid.CityId);
        Assert.Equal([3, 12], valid.FieldIds);
        Assert.Equal("info@albirr.org.sa", valid.ContactEmail);
        Assert.Equal("+966126543210", valid.ContactPhone);
        Assert.Equal("https://albirr.org.sa", valid.Website);
    }

    [Fact]
    public void Validate_WhenOptionalFieldsAreEmpty_IsValid()
    {
        var input = Valid();
        input.NameEn = "  ";
        input.Website = null;

        var (valid, errors) = OrganizationRegistrationRules.Validate(input);

        Assert.Empty(errors);
        Assert.Null(valid!.NameEn);
        Assert.Null(valid.Website);
    }

    [Fact]
    public void Validate_WhenEverythingIsMissing_ReportsEachRequiredField()
    {
        var (valid, errors) = OrganizationRegistrationRules.Validate(new OrganizationRegistrationInput());

        Assert.Null(valid);
        Assert.Equal(
            [
                ("NameAr", "Field.Required"),
                ("Type", "Field.Required"),
                ("RegistrationNumber", "Field.Required"),
                ("RegionId", "Field.Required"),
                ("CityId", "Field.Required"),
                ("FieldIds", "Field.Required"),
                ("ContactEmail", "Field.Required"),
                ("ContactPhone", "Field.Required"),
            ],
            errors.Select(e => (e.Field, e.Code)));
    }

    public static TheoryData<string, Action<OrganizationRegistrationInput>, string, string> BadInputs() => new()
    {
        { "markup in the Arabic name", i => i.NameAr = "<b>جمعية</b>", "NameAr", "Text.Unsafe" },
        { "right-to-left override", i => i.NameEn = "Charity\u202Eexe", "NameEn", "Text.Unsafe" },
        { "digits only", i => i.NameAr = "2030", "NameAr", "OrganizationName.Invalid" },
        { "one letter", i => i.NameAr = "ج", "NameAr", "OrganizationName.Invalid" },
        { "over-long name", i => i.NameAr = new string('ج', 201), "NameAr", "Text.TooLong" },
        { "unknown type", i => i.Type = (OrganizationKind)9, "Type", "OrganizationType.Unknown" },
        { "registration number with spaces only", i => i.RegistrationNumber = "   ", "RegistrationNumber", "Field.Required" },
        { "registration number with symbols", i => i.RegistrationNumber = "12<34>", "RegistrationNumber", "RegistrationNumber.Invalid" },
        { "registration number too short", i => i.RegistrationNumber = "12", "RegistrationNumber", "RegistrationNumber.Invalid" },
        { "registration number too long", i => i.RegistrationNumber = new string('1', 33), "RegistrationNumber", "RegistrationNumber.Invalid" },
        { "unknown region", i => i.RegionId = 99, "RegionId", "Region.Unknown" },
        { "city of another region", i => i.CityId = 101, "CityId", "City.NotInRegion" },
        { "unknown field", i => i.FieldIds = [3, 999], "FieldIds", "Field.Unknown" },
        { "no field", i => i.FieldIds = [], "FieldIds", "Field.Required" },
        { "bad e-mail", i => i.ContactEmail = "info-at-albirr", "ContactEmail", "Email.Invalid" },
        { "foreign phone", i => i.ContactPhone = "+44 20 7946 0958", "ContactPhone", "Phone.Invalid" },
        { "short phone", i => i.ContactPhone = "12345", "ContactPhone", "Phone.Invalid" },
        { "javascript website", i => i.Website = "javascript:alert(1)", "Website", "Website.Invalid" },
        { "ftp website", i => i.Website = "ftp://albirr.org.sa", "Website", "Website.Invalid" },
        { "website without a dot", i => i.Website = "https://localhost", "Website", "Website.Invalid" },
        { "website with credentials", i => i.Website = "https://user:pw@albirr.org.sa", "Website", "Website.Invalid" },
        { "website with markup", i => i.Website = "https://albirr.org.sa/\"><script>", "Website", "Website.Invalid" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Validate_WithBadInput_ReportsTheFieldAndCode(string because, Action<OrganizationRegistrationInput> change, string field, string code)
    {
        var input = Valid();
        change(input);

        var (valid, errors) = OrganizationRegistrationRules.Validate(input);

        Assert.Null(valid);
        Assert.True(errors.Any(e => e.Field == field && e.Code == code), $"{because}: {string.Join(", ", errors.Select(e => $"{e.Field}:{e.Code}"))}");
    }

    [Theory]
    [InlineData("جمعية 2030 للتنمية")]
    [InlineData("Al-Birr (Jeddah) & Co.")]
    [InlineData("جامعة الملك عبدالعزيز")]
    public void CheckName_AcceptsDigitsAndPunctuationOfRealOrganisationNames(string name)
    {
        var errors = new List<FieldError>();

        Assert.Equal(name, OrganizationRegistrationRules.CheckName(name, "NameAr", required: true, errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("https://albirr.org.sa/about?lang=ar", "https://albirr.org.sa/about?lang=ar")]
    [InlineData("http://albirr.org.sa", "http://albirr.org.sa")]
    [InlineData("www.albirr.org.sa", "https://www.albirr.org.sa")]
    public void NormalizeWebsite_KeepsHttpAddresses_AndAddsHttpsWhenNoSchemeIsGiven(string input, string expected)
    {
        Assert.Equal(expected, OrganizationRegistrationRules.NormalizeWebsite(input, out var valid));
        Assert.True(valid);
    }
}
