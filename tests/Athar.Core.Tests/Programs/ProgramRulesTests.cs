using Athar.Core.Programs;

namespace Athar.Core.Tests.Programs;

public class ProgramRulesTests
{
    private static ProgramInput Valid() => new()
    {
        TitleAr = "كن واحدًا من المليون", DescriptionAr = "برنامج وطني", StartsOn = new(2026, 1, 1), EndsOn = new(2026, 12, 31), TargetVolunteers = 100_000,
    };

    [Fact]
    public void Validate_AValidProgram_Passes()
    {
        var (valid, errors) = ProgramRules.Validate(Valid());
        Assert.Empty(errors);
        Assert.Equal(100_000, valid!.Targets.Volunteers);
        Assert.Null(valid.Targets.Hours);
    }

    [Fact]
    public void Validate_EndBeforeStart_TargetsOutOfRange_AndMissingText_AreFieldErrors()
    {
        var input = Valid();
        input.TitleAr = " ";
        input.EndsOn = new(2025, 12, 31);
        input.TargetHours = 0;
        input.TargetBeneficiaries = ProgramRules.MaxTarget + 1;

        var (valid, errors) = ProgramRules.Validate(input);

        Assert.Null(valid);
        Assert.Contains(errors, e => e.Field == "TitleAr" && e.Code == "Field.Required");
        Assert.Contains(errors, e => e.Field == "EndsOn" && e.Code == "Program.EndBeforeStart");
        Assert.Contains(errors, e => e.Field == "TargetHours" && e.Code == "Program.TargetRange");
        Assert.Contains(errors, e => e.Field == "TargetBeneficiaries" && e.Code == "Program.TargetRange");
    }

    [Fact]
    public void ValidateTracks_IgnoresBlankRows_AndNeedsTheArabicName()
    {
        var (tracks, errors) = ProgramRules.ValidateTracks([new() { NameAr = "تحفيز المتطوعين", NameEn = "Motivating volunteers" }, new(), new() { NameEn = "English only" }]);

        Assert.Single(tracks);
        var error = Assert.Single(errors);
        Assert.Equal(("Tracks[2].NameAr", "Field.Required"), (error.Field, error.Code));
    }

    [Fact]
    public void Accepts_PlatformProgramsTakeAnyOrganisation_OrganisationProgramsOnlyTheirOwn_ClosedNone()
    {
        var owner = Guid.NewGuid();
        var other = Guid.NewGuid();
        Assert.True(ProgramRules.Accepts(null, ProgramStatus.Active, other));
        Assert.True(ProgramRules.Accepts(owner, ProgramStatus.Draft, owner));
        Assert.False(ProgramRules.Accepts(owner, ProgramStatus.Active, other));
        Assert.False(ProgramRules.Accepts(null, ProgramStatus.Closed, other));
    }

}
