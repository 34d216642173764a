using Athar.Core.Localization;
using Athar.Core.Programs;

namespace Athar.Data.Programs;

/// <summary>
/// What programs and initiatives share: bilingual text, a period of Saudi calendar days (both ends inclusive),
/// a status and four optional targets, measured by <see cref="ScopeIndicators"/> over their opportunities.
/// </summary>
public abstract class MeasuredPeriod
{
    public Guid Id { get; set; }
    public required LocalizedText Title { get; set; }
    public required LocalizedText Description { get; set; }
    public DateOnly StartsOn { get; set; }

    /// <summary>The last day (inclusive).</summary>
    public DateOnly EndsOn { get; set; }
    public ProgramStatus Status { get; set; } = ProgramStatus.Draft;
    public long? TargetVolunteers { get; set; }
    public long? TargetOpportunities { get; set; }
    public long? TargetHours { get; set; }
    public long? TargetBeneficiaries { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IndicatorTargets Targets
    {
        get => new(TargetVolunteers, TargetOpportunities, TargetHours, TargetBeneficiaries);
        set => (TargetVolunteers, TargetOpportunities, TargetHours, TargetBeneficiaries) = (value.Volunteers, value.Opportunities, value.Hours, value.Beneficiaries);
    }
}

/// <summary>
/// A volunteering program (برنامج) with a period and targets, owned by an organisation or, when
/// <see cref="OrganizationId"/> is null, by the platform. Opportunities join it through Opportunity.ProgramId.
/// Named VolunteerProgram because "Program" is the web app's entry point.
/// </summary>
public sealed class VolunteerProgram : MeasuredPeriod
{
    public Guid? OrganizationId { get; set; }
    public List<ProgramTrack> Tracks { get; set; } = [];
}

/// <summary>A track (محور) of a program, e.g. "motivating volunteers" or "founding neighbourhood teams".</summary>
public sealed class ProgramTrack
{
    public Guid Id { get; set; }
    public Guid ProgramId { get; set; }
    public int Position { get; set; }
    public required LocalizedText Name { get; set; }
}

/// <summary>
/// An initiative (مبادرة) led by one organisation with partner organisations, a period, beneficiaries and
/// linked opportunities (of the lead or a partner). Its public page shows what it is and who runs it; its
/// indicators are for the lead, the partners and platform admins.
/// </summary>
public sealed class Initiative : MeasuredPeriod
{
    public Guid LeadOrganizationId { get; set; }
}

public sealed class InitiativePartner
{
    public Guid InitiativeId { get; set; }
    public Guid OrganizationId { get; set; }
    public PartnerRole Role { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

public sealed class InitiativeOpportunity
{
    public Guid InitiativeId { get; set; }
    public Guid OpportunityId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}
