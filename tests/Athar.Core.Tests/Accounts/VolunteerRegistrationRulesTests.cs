using Athar.Core.Accounts;
using Athar.Core.Common;

namespace Athar.Core.Tests.Accounts;

public class VolunteerRegistrationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Validate_WhenInputIsValid_ReturnsCanonicalValues()
    {
        var input = ValidAdult();
        input.FullNameAr = "  محمد   بن  علي ";
        input.NationalId = " ١٠٠٠٠٠٠٠٠٨ ";
        input.Mobile = "050 123 4567";
        input.Email = "  volunteer@example.com ";
        input.FieldIds = [1, 3, 1, 3];
        input.Skills = "  إسعافات أولية  ";

        var (valid, errors) = Validate(input);

        Assert.Empty(errors);
        Assert.NotNull(valid);
        Assert.Equal("محمد بن علي", valid.FullNameAr);
        Assert.Equal("Mohammed Ali", valid.FullNameEn);
        Assert.Equal("1000000008", valid.NationalId.Value);
        Assert.Equal("+966501234567", valid.Mobile);
        Assert.Equal("volunteer@example.com", valid.Email);
        Assert.Equal("Secret-Passw0rd", valid.Password);
        Assert.Equal(Gender.Female, valid.Gender);
        Assert.Equal(new DateOnly(1995, 5, 10), valid.BirthDate);
        Assert.Equal(1, valid.RegionId);
        Assert.Equal(102, valid.CityId);
        Assert.Equal([1, 3], valid.FieldIds);
        Assert.Equal("إسعافات أولية", valid.Skills);
        Assert.Equal("بكالوريوس تمريض", valid.Education);
        Assert.Null(valid.Profession);
        Assert.False(valid.IsMinor);
        Assert.Null(valid.Guardian);
    }

    [Fact]
    public void Validate_WhenOptionalFieldsAreEmpty_IsValid()
    {
        var input = ValidAdult();
        input.FullNameEn = null;
        input.FieldIds = [];
        input.Skills = null;
        input.Education = "   ";
        input.Profession = null;

        var (valid, errors) = Validate(input);

        Assert.Empty(errors);
        Assert.NotNull(valid);
        Assert.Null(valid.FullNameEn);
        Assert.Empty(valid.FieldIds);
        Assert.Null(valid.Education);
    }

    [Fact]
    public void Validate_WhenEverythingIsMissing_ReportsEachRequiredField()
    {
        var (valid, errors) = Validate(new VolunteerRegistrationInput());

        Assert.Null(valid);
        Assert.Equal(
            [
                ("FullNameAr", "Field.Required"),
                ("NationalId", "NationalId.Missing"),
                ("Mobile", "Field.Required"),
                ("Email", "Field.Required"),
                ("Password", "Field.Required"),
                ("Gender", "Field.Required"),
                ("BirthDate", "Field.Required"),
                ("RegionId", "Field.Required"),
                ("CityId", "Field.Required"),
                ("AcceptEthicsCharter", "Consent.EthicsRequired"),
                ("AcceptPrivacyNotice", "Consent.PrivacyRequired"),
            ],
            errors.Select(e => (e.Field, e.Code)));
    }

    [Theory]
    [InlineData("1000000009", "NationalId.BadCheckDigit")]
    [InlineData("1234567890", "NationalId.BadCheckDigit")]
    [InlineData("12345", "NationalId.NotTenDigits")]
    [InlineData("10000000O8", "NationalId.NotTenDigits")]
    [InlineData("3000000004", "NationalId.BadPrefix")]
    [InlineData("", "NationalId.Missing")]
    [InlineData(null, "NationalId.Missing")]
    public void Validate_WhenNationalIdIsInvalid_ReturnsNationalIdError(string? nationalId, string code)
    {
        var input = ValidAdult();
        input.NationalId = nationalId;

        AssertSingleError(input, "NationalId", code);
    }

    [Theory]
    [InlineData("0112345678")]
    [InlineData("+971501234567")]
    [InlineData("05012345")]
    [InlineData("mobile")]
    public void Validate_WhenMobileIsInvalid_ReturnsMobileInvalid(string mobile)
    {
        var input = ValidAdult();
        input.Mobile = mobile;

        AssertSingleError(input, "Mobile", "Mobile.Invalid");
    }

    [Fact]
    public void Validate_WhenMobileIsMissing_ReturnsFieldRequired()
    {
        var input = ValidAdult();
        input.Mobile = " ";

        AssertSingleError(input, "Mobile", "Field.Required");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("user@example")]
    [InlineData("user@.com")]
    [InlineData("user@example.")]
    [InlineData("user@@example.com")]
    [InlineData("@example.com")]
    [InlineData("Someone <user@example.com>")]
    [InlineData("user name@example.com")]
    public void Validate_WhenEmailIsMalformed_ReturnsEmailInvalid(string email)
    {
        var input = ValidAdult();
        input.Email = email;

        AssertSingleError(input, "Email", "Email.Invalid");
    }

    [Fact]
    public void Validate_WhenEmailIsLongerThanMaximum_ReturnsEmailInvalid()
    {
        var input = ValidAdult();
        input.Email = "user@" + new string('a', Athar.Core.Common.EmailRules.MaxLength - 8) + ".com";
        Assert.Equal(Athar.Core.Common.EmailRules.MaxLength + 1, input.Email.Length);

        AssertSingleError(input, "Email", "Email.Invalid");
    }

    [Fact]
    public void Validate_WhenPasswordIsMissing_ReturnsFieldRequired()
    {
        var input = ValidAdult();
        input.Password = "";

        AssertSingleError(input, "Password", "Field.Required");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(3)]
    public void Validate_WhenGenderIsMissingOrUndefined_ReturnsFieldRequired(int? gender)
    {
        var input = ValidAdult();
        input.Gender = (Gender?)gender;

        AssertSingleError(input, "Gender", "Field.Required");
    }

    [Fact]
    public void Validate_WhenBirthDateIsMissing_ReturnsFieldRequired()
    {
        var input = ValidAdult();
        input.BirthDate = null;

        AssertSingleError(input, "BirthDate", "Field.Required");
    }

    [Theory]
    [InlineData(2026, 11, 24)]
    [InlineData(2030, 1, 1)]
    [InlineData(1899, 12, 31)]
    public void Validate_WhenBirthDateIsInTheFutureOrImplausible_ReturnsBirthDateInvalid(int y, int m, int d)
    {
        var input = ValidAdult();
        input.BirthDate = new DateOnly(y, m, d);

        AssertSingleError(input, "BirthDate", "BirthDate.Invalid");
    }

    [Fact]
    public void Validate_WhenVolunteerTurnsMinimumAgeToday_IsAccepted()
    {
        var input = WithGuardian(ValidAdult());
        input.BirthDate = Today.AddYears(-13);

        var (valid, errors) = Validate(input);

        Assert.Empty(errors);
        Assert.NotNull(valid);
    }

    [Fact]
    public void Validate_WhenVolunteerTurnsMinimumAgeTomorrow_ReturnsBirthDateTooYoung()
    {
        var input = WithGuardian(ValidAdult());
        input.BirthDate = Today.AddYears(-13).AddDays(1);

        var error = AssertSingleError(input, "BirthDate", "BirthDate.TooYoung");
        Assert.Equal<object>(13, Assert.Single(error.Arguments));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Validate_UsesTheConfiguredMinimumAge(int daysAfterSixteenthBirthday, bool tooYoung)
    {
        var policy = new RegistrationPolicy { MinimumAge = 16 };
        var input = WithGuardian(ValidAdult());
        input.BirthDate = Today.AddYears(-16).AddDays(daysAfterSixteenthBirthday);

        var (valid, errors) = VolunteerRegistrationRules.Validate(input, policy, Today);

        if (tooYoung)
        {
            var error = Assert.Single(errors);
            Assert.Equal(("BirthDate", "BirthDate.TooYoung"), (error.Field, error.Code));
            Assert.Equal<object>(16, Assert.Single(error.Arguments));
            Assert.Null(valid);
        }
        else
        {
            Assert.Empty(errors);
            Assert.NotNull(valid);
        }
    }

    [Fact]
    public void Validate_WhenBornToday_ReturnsBirthDateTooYoung()
    {
        var input = WithGuardian(ValidAdult());
        input.BirthDate = Today;

        AssertSingleError(input, "BirthDate", "BirthDate.TooYoung");
    }

    [Fact]
    public void Validate_WhenRegionIsUnknown_ReturnsRegionUnknown()
    {
        var input = ValidAdult();
        input.RegionId = 99;

        var (valid, errors) = Validate(input);

        Assert.Null(valid);
        Assert.Contains(errors, e => e is { Field: "RegionId", Code: "Region.Unknown" });
    }

    [Fact]
    public void Validate_WhenRegionIsMissing_ReturnsFieldRequired()
    {
        var input = ValidAdult();
        input.RegionId = null;

        AssertSingleError(input, "RegionId", "Field.Required");
    }

    [Theory]
    [InlineData(9999)]
    [InlineData(0)]
    [InlineData(1)]
    public void Validate_WhenCityIsUnknown_ReturnsCityUnknown(int cityId)
    {
        var input = ValidAdult();
        input.CityId = cityId;

        AssertSingleError(input, "CityId", "City.Unknown");
    }

    [Fact]
    public void Validate_WhenCityIsMissing_ReturnsFieldRequired()
    {
        var input = ValidAdult();
        input.CityId = null;

        AssertSingleError(input, "CityId", "Field.Required");
    }

    [Theory]
    [InlineData(1, 202)]  // Riyadh region, Jeddah
    [InlineData(2, 101)]  // Makkah region, Riyadh city
    [InlineData(13, 1201)]
    public void Validate_WhenCityIsInAnotherRegion_ReturnsCityNotInRegion(int regionId, int cityId)
    {
        var input = ValidAdult();
        input.RegionId = regionId;
        input.CityId = cityId;

        AssertSingleError(input, "CityId", "City.NotInRegion");
    }

    [Fact]
    public void Validate_WhenFieldIsUnknown_ReturnsFieldUnknown()
    {
        var input = ValidAdult();
        input.FieldIds = [1, 999];

        AssertSingleError(input, "FieldIds", "Field.Unknown");
    }

    [Fact]
    public void Validate_WhenSkillsAreTooLong_ReturnsTextTooLong()
    {
        var input = ValidAdult();
        input.Skills = new string('س', TextRules.FreeTextMaxLength + 1);

        AssertSingleError(input, "Skills", "Text.TooLong");
    }

    [Fact]
    public void Validate_WhenArabicNameIsTooLong_ReturnsTextTooLong()
    {
        var input = ValidAdult();
        input.FullNameAr = new string('م', TextRules.NameMaxLength + 1);

        AssertSingleError(input, "FullNameAr", "Text.TooLong");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("محمد\u202eعلي")]
    [InlineData("محمد 2")]
    public void Validate_WhenArabicNameIsNotAName_ReturnsNameInvalid(string name)
    {
        var input = ValidAdult();
        input.FullNameAr = name;

        AssertSingleError(input, "FullNameAr", "Name.Invalid");
    }

    [Fact]
    public void Validate_WhenEnglishNameIsScript_ReturnsNameInvalid()
    {
        var input = ValidAdult();
        input.FullNameEn = "<script>alert(1)</script>";

        AssertSingleError(input, "FullNameEn", "Name.Invalid");
    }

    [Fact]
    public void Validate_WhenArabicNameIsMissing_ReturnsFieldRequired()
    {
        var input = ValidAdult();
        input.FullNameAr = "  ";

        AssertSingleError(input, "FullNameAr", "Field.Required");
    }

    [Theory]
    [InlineData("Skills", "<b>كل شيء</b>")]
    [InlineData("Education", "بكالوريوس\u202eتمريض")]
    [InlineData("Profession", "مهندس <img src=x onerror=alert(1)>")]
    public void Validate_WhenFreeTextHasMarkupOrRtlOverride_ReturnsTextUnsafe(string field, string text)
    {
        var input = ValidAdult();
        switch (field)
        {
            case "Skills": input.Skills = text; break;
            case "Education": input.Education = text; break;
            default: input.Profession = text; break;
        }

        AssertSingleError(input, field, "Text.Unsafe");
    }

    [Fact]
    public void Validate_WhenEthicsCharterIsNotAccepted_ReturnsConsentEthicsRequired()
    {
        var input = ValidAdult();
        input.AcceptEthicsCharter = false;

        AssertSingleError(input, "AcceptEthicsCharter", "Consent.EthicsRequired");
    }

    [Fact]
    public void Validate_WhenPrivacyNoticeIsNotAccepted_ReturnsConsentPrivacyRequired()
    {
        var input = ValidAdult();
        input.AcceptPrivacyNotice = false;

        AssertSingleError(input, "AcceptPrivacyNotice", "Consent.PrivacyRequired");
    }

    [Fact]
    public void Validate_WhenMinorHasNoGuardian_RequiresEveryGuardianField()
    {
        var input = ValidAdult();
        input.BirthDate = Today.AddYears(-15);

        var (valid, errors) = Validate(input);

        Assert.Null(valid);
        Assert.Equal(
            [
                ("GuardianName", "Field.Required"),
                ("GuardianNationalId", "Guardian.NationalIdMissing"),
                ("GuardianMobile", "Field.Required"),
            ],
            errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Validate_WhenMinorHasGuardian_ReturnsCanonicalGuardian()
    {
        var input = ValidAdult();
        input.BirthDate = Today.AddYears(-15);
        input.GuardianName = "  علي   محمد ";
        input.GuardianNationalId = "٢٠٠٠٠٠٠٠٠٦";
        input.GuardianMobile = "+966 55 987 6543";

        var (valid, errors) = Validate(input);

        Assert.Empty(errors);
        Assert.NotNull(valid);
        Assert.True(valid.IsMinor);
        Assert.NotNull(valid.Guardian);
        Assert.Equal("علي محمد", valid.Guardian.Name);
        Assert.Equal("2000000006", valid.Guardian.NationalId.Value);
        Assert.Equal("+966559876543", valid.Guardian.Mobile);
    }

    [Theory]
    [InlineData("1000000008")]
    [InlineData("١٠٠٠٠٠٠٠٠٨")]
    public void Validate_WhenGuardianIdIsTheVolunteers_ReturnsGuardianSameAsVolunteer(string guardianId)
    {
        var input = WithGuardian(ValidAdult());
        input.NationalId = "1000000008";
        input.BirthDate = Today.AddYears(-15);
        input.GuardianNationalId = guardianId;

        AssertSingleError(input, "GuardianNationalId", "Guardian.SameAsVolunteer");
    }

    [Fact]
    public void Validate_WhenGuardianIdIsInvalid_ReturnsNationalIdErrorOnGuardianField()
    {
        var input = WithGuardian(ValidAdult());
        input.BirthDate = Today.AddYears(-15);
        input.GuardianNationalId = "2000000000";

        AssertSingleError(input, "GuardianNationalId", "NationalId.BadCheckDigit");
    }

    [Fact]
    public void Validate_WhenGuardianMobileIsInvalid_ReturnsMobileInvalidOnGuardianField()
    {
        var input = WithGuardian(ValidAdult());
        input.BirthDate = Today.AddYears(-15);
        input.GuardianMobile = "0112345678";

        AssertSingleError(input, "GuardianMobile", "Mobile.Invalid");
    }

    [Fact]
    public void Validate_WhenGuardianNameIsMarkup_ReturnsNameInvalidOnGuardianField()
    {
        var input = WithGuardian(ValidAdult());
        input.BirthDate = Today.AddYears(-15);
        input.GuardianName = "<script>alert(1)</script>";

        AssertSingleError(input, "GuardianName", "Name.Invalid");
    }

    [Fact]
    public void Validate_WhenAdultGivesGuardianDetails_IgnoresThem()
    {
        var input = WithGuardian(ValidAdult());
        input.GuardianNationalId = "not checked for adults";

        var (valid, errors) = Validate(input);

        Assert.Empty(errors);
        Assert.NotNull(valid);
        Assert.False(valid.IsMinor);
        Assert.Null(valid.Guardian);
    }

    [Theory]
    [InlineData(0, false)]   // 18th birthday today
    [InlineData(-1, false)]  // 18th birthday yesterday
    [InlineData(1, true)]    // 18th birthday tomorrow
    public void Validate_AtTheAdultAgeBoundary_SetsIsMinor(int daysAfterEighteenthBirthday, bool isMinor)
    {
        var input = WithGuardian(ValidAdult());
        input.BirthDate = Today.AddYears(-18).AddDays(daysAfterEighteenthBirthday);

        var (valid, errors) = Validate(input);

        Assert.Empty(errors);
        Assert.NotNull(valid);
        Assert.Equal(isMinor, valid.IsMinor);
        Assert.Equal(isMinor, valid.Guardian is not null);
    }

    [Fact]
    public void Validate_UsesTheConfiguredAdultAge()
    {
        var policy = new RegistrationPolicy { AdultAge = 21 };
        var input = ValidAdult();
        input.BirthDate = Today.AddYears(-19);

        var (valid, errors) = VolunteerRegistrationRules.Validate(input, policy, Today);

        Assert.Null(valid);
        Assert.Contains(errors, e => e is { Field: "GuardianName", Code: "Field.Required" });
    }

    [Fact]
    public void Validate_WhenMinorIsBornOn29February_UsesFirstOfMarchAsBirthday()
    {
        // Born 29 Feb 2008: 18 on 1 March 2026, still 17 on 28 February 2026.
        var input = WithGuardian(ValidAdult());
        input.BirthDate = new DateOnly(2008, 2, 29);

        var (before, _) = VolunteerRegistrationRules.Validate(input, new RegistrationPolicy(), new DateOnly(2026, 2, 28));
        var (after, _) = VolunteerRegistrationRules.Validate(input, new RegistrationPolicy(), new DateOnly(2026, 3, 1));

        Assert.True(before!.IsMinor);
        Assert.False(after!.IsMinor);
    }

    private static VolunteerRegistrationInput ValidAdult() => new()
    {
        FullNameAr = "محمد بن علي",
        FullNameEn = "Mohammed Ali",
        NationalId = "1000000008",
        Mobile = "0501234567",
        Email = "volunteer@example.com",
        Password = "Secret-Passw0rd",
        Gender = Gender.Female,
        BirthDate = new DateOnly(1995, 5, 10),
        RegionId = 1,
        CityId = 102,
        FieldIds = [1, 3],
        Skills = "إسعافات أولية",
        Education = "بكالوريوس تمريض",
        AcceptEthicsCharter = true,
        AcceptPrivacyNotice = true,
    };

    private static VolunteerRegistrationInput WithGuardian(VolunteerRegistrationInput input)
    {
        input.GuardianName = "علي محمد";
        input.GuardianNationalId = "2000000006";
        input.GuardianMobile = "0559876543";
        return input;
    }

    private static (ValidVolunteerRegistration? Valid, IReadOnlyList<FieldError> Errors) Validate(VolunteerRegistrationInput input) =>
        VolunteerRegistrationRules.Validate(input, new RegistrationPolicy(), Today);

    private static FieldError AssertSingleError(VolunteerRegistrationInput input, string field, string code)
    {
        var (valid, errors) = Validate(input);

        Assert.Null(valid);
        var error = Assert.Single(errors);
        Assert.Equal((field, code), (error.Field, error.Code));
        return error;
    }

    [Fact]
    public void Validate_WhenTooYoungToRegister_AsksForNoGuardianDetails()
    {
        var today = new DateOnly(2026, 11, 23);
        var input = new VolunteerRegistrationInput
        {
            FullNameAr = "سلمان", NationalId = Athar.Core.Identity.NationalId.FromNineDigits("112345678").Value, Mobile = "0551234567", Email = "child@example.sa",
            Password = "Volunteer-2026", Gender = Gender.Male, BirthDate = today.AddYears(-10), RegionId = 1, CityId = 101,
            AcceptEthicsCharter = true, AcceptPrivacyNotice = true,
        };

        var (valid, errors) = VolunteerRegistrationRules.Validate(input, new RegistrationPolicy(), today);

        Assert.Null(valid);
        var error = Assert.Single(errors);
        Assert.Equal("BirthDate.TooYoung", error.Code);
    }
}
