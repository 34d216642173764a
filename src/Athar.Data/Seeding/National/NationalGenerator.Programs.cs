using Athar.Core.Programs;
using Athar.Data.Opportunities;
using Athar.Data.Programs;
using static Athar.Data.Seeding.National.Instants;

namespace Athar.Data.Seeding.National;

/// <summary>
/// Programmes and initiatives (ADR 9). The largest organisations run yearly programmes with targets for
/// volunteers, opportunities and verified hours, and the platform runs a national one for the current year;
/// initiatives are led by one organisation with two to five partners. Opportunities join them as they are
/// drawn (<see cref="Link"/>), by the rules of the app: an organisation's programme takes only its own
/// opportunities, an initiative those of its lead and partners, and drafts take none.
/// </summary>
public sealed partial class NationalGenerator
{
    /// <summary>A programme or initiative open to links: its id and its days (both inclusive), as day numbers.</summary>
    private sealed record PeriodFacts(Guid Id, int From, int To)
    {
        public bool Covers(int day) => From <= day && day <= To;
    }

    // Shares of an organisation's opportunities, dated in a programme or initiative of theirs, that are linked to it.
    private const double ProgramLinkShare = 0.4;
    private const double PlatformProgramLinkShare = 0.08;
    private const double InitiativeLinkShare = 0.3;

    private static readonly PartnerRole[] PartnerRoles = Enum.GetValues<PartnerRole>();

    private PeriodFacts? _platformProgram;

    private void GenerateProgramsAndInitiatives(Action<double> progress)
    {
        var random = Stream("programmes");
        GeneratePlatformProgram(random);
        GenerateOrganizationPrograms(random);
        progress(0.5);
        GenerateInitiatives(random);
        progress(1);
    }

    private static ProgramStatus StatusOn(DateOnly startsOn, DateOnly endsOn, DateOnly today) =>
        endsOn < today ? ProgramStatus.Closed : startsOn > today ? ProgramStatus.Draft : ProgramStatus.Active;

    /// <summary>Sets what every programme and initiative has besides its text and targets: id, period, status and authorship.</summary>
    private T Dated<T>(T period, SyntheticRandom random, DateOnly startsOn, DateOnly endsOn, Guid createdBy, DateTimeOffset createdAt) where T : MeasuredPeriod
    {
        period.Id = random.Guid7(createdAt);
        (period.StartsOn, period.EndsOn) = (startsOn, endsOn);
        period.Status = StatusOn(startsOn, endsOn, _plan.Today);
        (period.CreatedBy, period.CreatedAt, period.UpdatedAt) = (createdBy, createdAt, createdAt);
        return period;
    }

    private static long RoundTo(double value, long unit) => Math.Max(unit, (long)Math.Round(value / unit) * unit);

    private void AddTracks(SyntheticRandom random, Guid programId, DateTimeOffset createdAt, int count)
    {
        var first = random.Next(SyntheticTexts.ProgramTracks.Length);
        for (var position = 1; position <= count; position++)
        {
            var track = SyntheticTexts.ProgramTracks[(first + position) % SyntheticTexts.ProgramTracks.Length];
            _writer.Add(new ProgramTrack { Id = random.Guid7(createdAt), ProgramId = programId, Position = position, Name = new(track.Ar, track.En) });
        }
    }

    private void GeneratePlatformProgram(SyntheticRandom random)
    {
        var year = _plan.Today.Year;
        var (startsOn, endsOn) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var createdAt = At(startsOn.AddDays(-45), 10);
        var (title, description) = SyntheticTexts.NationalProgram(year);
        var program = Dated(new VolunteerProgram
        {
            Title = new(title.Ar, title.En),
            Description = new(description.Ar, description.En),
            TargetVolunteers = RoundTo(_plan.Volunteers * 0.05, 100),
            TargetOpportunities = RoundTo(_plan.Opportunities * 0.03, 10),
            TargetHours = RoundTo(_plan.Volunteers * 0.5, 1000),
        }, random, startsOn, endsOn, _platformAdminId, createdAt);
        _writer.Add(program);
        AddTracks(random, program.Id, createdAt, 3);
        _platformProgram = new PeriodFacts(program.Id, startsOn.DayNumber, endsOn.DayNumber);
    }

    private void GenerateOrganizationPrograms(SyntheticRandom random)
    {
        // The largest verified organisations run programmes; the biggest of them more than one (other years).
        var hosts = _organizations.Where(o => o.Verified).OrderByDescending(o => o.Weight).ThenBy(o => o.Index)
            .Take(Math.Max(1, _plan.Programs * 2 / 3)).ToArray();
        if (hosts.Length == 0)
            return;
        var (firstYear, lastYear) = (_plan.HistoryStart.Year + 1, _plan.Today.Year);
        var yearlyOpportunities = _plan.Opportunities / (double)NationalPlan.HistoryYears / _organizationPicker.Total;
        for (var p = 0; p < _plan.Programs; p++)
        {
            var organization = hosts[p % hosts.Length];
            // Recent years are likelier, as the platform grows; a few are next year's, still drafts.
            var year = random.Chance(0.05) ? lastYear + 1 : lastYear - (int)((lastYear - firstYear + 1) * Math.Pow(random.NextDouble(), 1.8));
            var (startsOn, endsOn) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            var createdAt = Earliest(At(startsOn.AddDays(-random.Between(15, 60)), 10), _now);
            var activity = SyntheticTexts.Activity(random, random.Pick(organization.Fields));
            var (title, description) = SyntheticTexts.Program(activity, organization.Name, year);
            // Targets from what the organisation's size makes likely, with some ambition or caution.
            var linked = yearlyOpportunities * organization.Weight * ProgramLinkShare;
            var volunteers = RoundTo(linked * 15 * (0.7 + 0.7 * random.NextDouble()), 10);
            var program = Dated(new VolunteerProgram
            {
                OrganizationId = organization.Id,
                Title = new(title.Ar, title.En),
                Description = new(description.Ar, description.En),
                TargetVolunteers = volunteers,
                TargetOpportunities = RoundTo(linked * (0.8 + 0.6 * random.NextDouble()), 1),
                TargetHours = RoundTo(volunteers * random.Between(4, 10), 50),
                TargetBeneficiaries = random.Chance(0.5) ? RoundTo(linked * random.Between(100, 600), 100) : null,
            }, random, startsOn, endsOn, organization.AdminId, createdAt);
            _writer.Add(program);
            AddTracks(random, program.Id, createdAt, random.Between(1, 3));
            if (program.Status != ProgramStatus.Draft)
                organization.Programs.Add(new PeriodFacts(program.Id, startsOn.DayNumber, endsOn.DayNumber));
        }
    }

    private void GenerateInitiatives(SyntheticRandom random)
    {
        if (_organizationPicker.Total <= 0)
            return;
        var today = _plan.Today.DayNumber;
        var partners = new List<OrganizationFacts>(5);
        // Larger organisations lead more initiatives, but less steeply than they post opportunities (the square root of size).
        var verified = VerifiedIn(0).Organizations;
        var leads = new WeightedPicker(verified.Select(o => Math.Sqrt(o.Weight)).ToArray());
        for (var i = 0; i < _plan.Initiatives; i++)
        {
            var lead = verified[leads.Pick(random)];
            var start = random.Between(_plan.HistoryStart.DayNumber + 30, today + 60);
            var (startsOn, endsOn) = (DateOnly.FromDayNumber(start), DateOnly.FromDayNumber(start + random.Between(30, 270) - 1));
            var createdAt = At(DateOnly.FromDayNumber(Math.Min(start - random.Between(10, 40), today - 1)), 11);
            PickPartners(random, lead, random.Between(2, 5), partners);
            var activity = SyntheticTexts.Activity(random, random.Pick(lead.Fields));
            var (title, description) = SyntheticTexts.Initiative(activity, lead.City, lead.Name, partners.Count);
            var volunteers = 10L * (long)Math.Round(3 * random.Pareto(1.4, 30));
            var initiative = Dated(new Initiative
            {
                LeadOrganizationId = lead.Id,
                Title = new(title.Ar, title.En),
                Description = new(description.Ar, description.En),
                TargetVolunteers = volunteers,
                TargetOpportunities = random.Chance(0.5) ? random.Between(2, 20) : null,
                TargetHours = volunteers * random.Between(4, 12),
                TargetBeneficiaries = volunteers * random.Between(10, 50),
            }, random, startsOn, endsOn, lead.AdminId, createdAt);
            var status = initiative.Status;
            _writer.Add(initiative);
            var facts = new PeriodFacts(initiative.Id, startsOn.DayNumber, endsOn.DayNumber);
            if (status != ProgramStatus.Draft)
                lead.Initiatives.Add(facts);
            foreach (var partner in partners)
            {
                _writer.Add(new InitiativePartner
                {
                    InitiativeId = initiative.Id, OrganizationId = partner.Id, Role = random.Pick(PartnerRoles),
                    AddedAt = Earliest(createdAt.AddDays(random.Between(0, 7)), _now),
                });
                if (status != ProgramStatus.Draft)
                    partner.Initiatives.Add(facts);
            }
        }
    }

    /// <summary>
    /// Distinct verified partners other than the lead, from the lead's region first, then from the whole country; drawn
    /// alike whatever their size (a small association partners as readily as a ministry), or the largest would take every seat.
    /// </summary>
    private void PickPartners(SyntheticRandom random, OrganizationFacts lead, int wanted, List<OrganizationFacts> partners)
    {
        partners.Clear();
        var national = VerifiedIn(0).Organizations;
        var regional = VerifiedIn(lead.Region).Organizations;
        for (var t = 0; t < 60 && partners.Count < wanted; t++)
        {
            var candidates = t < 30 && regional.Length > 1 ? regional : national;
            var candidate = random.Pick(candidates);
            if (candidate != lead && !partners.Contains(candidate))
                partners.Add(candidate);
        }
    }

    /// <summary>Links a new opportunity to a programme and to initiatives of its organisation whose period holds its first day.</summary>
    private void Link(SyntheticRandom random, Opportunity opportunity, OrganizationFacts organization)
    {
        var day = opportunity.StartDate.DayNumber;
        var programs = organization.Programs.FindAll(p => p.Covers(day));
        if (programs.Count > 0 && random.Chance(ProgramLinkShare))
            opportunity.ProgramId = random.Pick(programs).Id;
        else if (_platformProgram is { } national && national.Covers(day) && random.Chance(PlatformProgramLinkShare))
            opportunity.ProgramId = national.Id;

        foreach (var initiative in organization.Initiatives)
        {
            if (initiative.Covers(day) && random.Chance(InitiativeLinkShare))
            {
                _writer.Add(new InitiativeOpportunity
                {
                    InitiativeId = initiative.Id, OpportunityId = opportunity.Id, LinkedAt = Earliest(opportunity.PublishedAt ?? opportunity.CreatedAt, _now),
                });
            }
        }
    }
}
