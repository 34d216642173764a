using Athar.Core.Applications;
using Athar.Core.Licensing;
using Athar.Core.Opportunities;

namespace Athar.Core.Tests.Licensing;

public class LicenseRulesTests
{
    private static readonly LicensePolicy Policy = new() { ValidityMonths = 24, TeamLeadershipMinimumHours = 50, RenewalWindowDays = 90, RenewalGraceDays = 30, RenewalMinimumHours = 20 };
    private static readonly DateOnly Issued = new(2026, 11, 23);

    private static LicenseFacts Licence(LicenseState state = LicenseState.Active, LicenseLevel level = LicenseLevel.Practitioner) =>
        new(level, state, Issued, LicenseRules.ExpiryFor(Issued, Policy));

    [Fact]
    public void ExpiryFor_IsTheDayBeforeTheSameDateAfterTheValidity()
    {
        Assert.Equal(new DateOnly(2028, 11, 22), LicenseRules.ExpiryFor(Issued, Policy));
    }

    [Fact]
    public void ExpiryFor_OnTheTwentyNinthOfFebruary_EndsOnTheTwentySeventh()
    {
        Assert.Equal(new DateOnly(2030, 2, 27), LicenseRules.ExpiryFor(new DateOnly(2028, 2, 29), Policy));
    }

    [Fact]
    public void StatusOn_TheExpiryDay_IsStillActive()
    {
        var licence = Licence();
        Assert.Equal(LicenseStatus.Active, LicenseRules.StatusOn(licence, licence.ExpiresOn));
    }

    [Fact]
    public void StatusOn_TheDayAfterExpiry_IsExpired()
    {
        var licence = Licence();
        Assert.Equal(LicenseStatus.Expired, LicenseRules.StatusOn(licence, licence.ExpiresOn.AddDays(1)));
        Assert.False(LicenseRules.IsValidOn(licence, licence.ExpiresOn.AddDays(1)));
    }

    [Theory]
    [InlineData(LicenseState.Revoked, LicenseStatus.Revoked)]
    [InlineData(LicenseState.Suspended, LicenseStatus.Suspended)]
    public void StatusOn_AnAdministratorsDecision_OutranksTheDates(LicenseState state, LicenseStatus expected)
    {
        var licence = Licence(state);
        Assert.Equal(expected, LicenseRules.StatusOn(licence, Issued));
        Assert.Equal(expected, LicenseRules.StatusOn(licence, licence.ExpiresOn.AddYears(1)));
    }

    [Theory]
    [InlineData(false, true, 100, "course-not-passed")]
    [InlineData(true, false, 100, "practitioner-required")]
    [InlineData(true, true, 49.9, "hours-required")]
    [InlineData(true, true, 50, null)]
    public void TeamLeadershipBlocker_NeedsTheCourseAnActivePractitionerLicenceAndTheHours(bool passed, bool practitioner, double hours, string? expected)
    {
        Assert.Equal(expected, LicenseRules.TeamLeadershipBlocker(practitioner, passed, (decimal)hours, Policy));
    }

    [Fact]
    public void RenewalBlocker_BeforeTheWindow_IsTooEarly()
    {
        var licence = Licence();
        Assert.Equal("renewal-too-early", LicenseRules.RenewalBlocker(licence, licence.ExpiresOn.AddDays(-91), 100, Policy));
    }

    [Fact]
    public void RenewalBlocker_OnTheFirstDayOfTheWindow_Allows()
    {
        var licence = Licence();
        Assert.Null(LicenseRules.RenewalBlocker(licence, licence.ExpiresOn.AddDays(-90), 20, Policy));
    }

    [Fact]
    public void RenewalBlocker_InTheGracePeriod_AllowsAnExpiredLicence()
    {
        var licence = Licence();
        Assert.Null(LicenseRules.RenewalBlocker(licence, licence.ExpiresOn.AddDays(30), 20, Policy));
        Assert.Equal("renewal-too-late", LicenseRules.RenewalBlocker(licence, licence.ExpiresOn.AddDays(31), 20, Policy));
    }

    [Fact]
    public void RenewalBlocker_WithoutEnoughHours_Refuses_ButNotForManagement()
    {
        var today = Licence().ExpiresOn.AddDays(-10);
        Assert.Equal("renewal-hours-required", LicenseRules.RenewalBlocker(Licence(), today, 19.5m, Policy));
        Assert.Null(LicenseRules.RenewalBlocker(Licence(level: LicenseLevel.Management), today, 0, Policy));
    }

    [Theory]
    [InlineData(LicenseState.Suspended)]
    [InlineData(LicenseState.Revoked)]
    public void RenewalBlocker_SuspendedOrRevoked_IsNotRenewable(LicenseState state)
    {
        var licence = Licence(state);
        Assert.Equal("license-not-renewable", LicenseRules.RenewalBlocker(licence, licence.ExpiresOn.AddDays(-1), 100, Policy));
    }

    [Fact]
    public void RenewedExpiry_ContinuesFromTheCurrentExpiry()
    {
        var licence = Licence();
        Assert.Equal(licence.ExpiresOn.AddMonths(24), LicenseRules.RenewedExpiry(licence, Policy));
    }

    [Fact]
    public void MayReissue_OnlyAnExpiredLicence()
    {
        var licence = Licence();
        Assert.False(LicenseRules.MayReissue(licence, licence.ExpiresOn));
        Assert.True(LicenseRules.MayReissue(licence, licence.ExpiresOn.AddDays(1)));
        Assert.False(LicenseRules.MayReissue(Licence(LicenseState.Revoked), licence.ExpiresOn.AddDays(1)));
    }

    [Fact]
    public void NewNumber_CarriesTheLevelAndYear_AndIsRandom()
    {
        var first = LicenseRules.NewNumber(LicenseLevel.TeamLeadership, Issued);
        var second = LicenseRules.NewNumber(LicenseLevel.TeamLeadership, Issued);
        Assert.Matches("^TL-2026-[0-9A-HJKMNP-TV-Z]{8}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Eligibility_TeamLeadershipLicence_SatisfiesAPractitionerRequirement_ButNotTheReverse()
    {
        var now = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
        var shift = new ShiftTerms(OpportunityStatus.Published, GenderRequirement.Any, null, false, LicenseRequirement.Practitioner,
            new DateOnly(2026, 11, 25), now.AddDays(2), now.AddDays(2).AddHours(3));
        Applicant Holding(LicenseRequirement held) => new(Athar.Core.Accounts.Gender.Female, new DateOnly(1995, 1, 1), true, held, 18);

        Assert.Equal("license-required", Eligibility.Check(Holding(LicenseRequirement.None), shift, [], now));
        Assert.Null(Eligibility.Check(Holding(LicenseRequirement.TeamLeadership), shift, [], now));
        Assert.Equal("license-required", Eligibility.Check(Holding(LicenseRequirement.Practitioner), shift with { RequiredLicense = LicenseRequirement.TeamLeadership }, [], now));
    }
}
