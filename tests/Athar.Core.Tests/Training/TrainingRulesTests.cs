using Athar.Core.Licensing;
using Athar.Core.Training;

namespace Athar.Core.Tests.Training;

public class TrainingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    private static EnrollmentFacts Facts(LicenseLevel track = LicenseLevel.Practitioner) =>
        new(CourseStatus.Published, Now.AddDays(3), false, false, true, true, false, track);

    [Fact]
    public void EnrollmentBlocker_AnOpenCourseForAVolunteer_Allows() => Assert.Null(TrainingRules.EnrollmentBlocker(Facts(), Now));

    [Fact]
    public void EnrollmentBlocker_ExplainsEachRule()
    {
        Assert.Equal("course-not-open", TrainingRules.EnrollmentBlocker(Facts() with { CourseStatus = CourseStatus.Archived }, Now));
        Assert.Equal("session-started", TrainingRules.EnrollmentBlocker(Facts() with { SessionStartsAt = Now }, Now));
        Assert.Equal("not-a-volunteer", TrainingRules.EnrollmentBlocker(Facts() with { IsVolunteer = false }, Now));
        Assert.Equal("already-enrolled", TrainingRules.EnrollmentBlocker(Facts() with { HasOpenEnrollmentInCourse = true }, Now));
        Assert.Equal("already-passed", TrainingRules.EnrollmentBlocker(Facts() with { AlreadyPassedWithValidLicense = true }, Now));
        Assert.Equal("prerequisites-missing", TrainingRules.EnrollmentBlocker(Facts() with { PrerequisitesPassed = false }, Now));
    }

    [Fact]
    public void EnrollmentBlocker_TheManagementCourse_IsTakenForAnOrganisation()
    {
        Assert.Equal("organization-required", TrainingRules.EnrollmentBlocker(Facts(LicenseLevel.Management), Now));
        Assert.Null(TrainingRules.EnrollmentBlocker(Facts(LicenseLevel.Management) with { RepresentsAnOrganization = true, IsVolunteer = false }, Now));
    }

    [Theory]
    [InlineData(true, 70, 70, EnrollmentStatus.Passed)]
    [InlineData(true, 69, 70, EnrollmentStatus.Failed)]
    [InlineData(true, 100, 100, EnrollmentStatus.Passed)]
    [InlineData(false, null, 70, EnrollmentStatus.Absent)]
    public void Result_ThePassMarkDecides(bool attended, int? score, int passMark, EnrollmentStatus expected)
    {
        var (status, error) = TrainingRules.Result(attended, score, passMark, Now.AddHours(-1), Now);
        Assert.Null(error);
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(true, null, "score-required")]
    [InlineData(true, 101, "score-range")]
    [InlineData(true, -1, "score-range")]
    [InlineData(false, 50, "score-without-attendance")]
    public void Result_RefusesInconsistentInput(bool attended, int? score, string expected)
    {
        Assert.Equal(expected, TrainingRules.Result(attended, score, 70, Now.AddHours(-1), Now).Error);
    }

    [Fact]
    public void Result_BeforeTheSession_IsRefused()
    {
        Assert.Equal("session-not-started", TrainingRules.Result(true, 90, 70, Now.AddHours(1), Now).Error);
    }

    [Fact]
    public void CountsTrainingHours_OnlyForAttendedResults()
    {
        Assert.True(TrainingRules.CountsTrainingHours(EnrollmentStatus.Passed));
        Assert.True(TrainingRules.CountsTrainingHours(EnrollmentStatus.Failed));
        Assert.False(TrainingRules.CountsTrainingHours(EnrollmentStatus.Absent));
        Assert.False(TrainingRules.CountsTrainingHours(EnrollmentStatus.Enrolled));
    }
}
