using Athar.Core.Accounts;
using Athar.Core.Licensing;
using Athar.Core.Opportunities;
using Athar.Core.Reference;
using Athar.Core.Teams;
using Athar.Data.Licensing;
using Athar.Data.Teams;

namespace Athar.Data.Seeding.National;

/// <summary>
/// Neighbourhood teams: each belongs to a verified organisation of its leader's region and is led by a volunteer
/// whose team-leadership licence was valid when the team was founded and still is today (ADR 8), with five to
/// thirty active members, up to two deputies and a few requests, invitations and departures.
/// </summary>
public sealed partial class NationalGenerator
{
    private Dictionary<int, (OrganizationFacts[] Organizations, WeightedPicker Picker)> _verifiedByRegion = [];

    private static void NoteLeadership(ref VolunteerFacts volunteer, License? license)
    {
        if (license is not { State: LicenseState.Active })
            return;
        volunteer.LeadershipFrom = license.IssuedOn.DayNumber;
        volunteer.LeadershipTo = license.ExpiresOn.DayNumber;
    }

    private bool LeadsToday(in VolunteerFacts volunteer) =>
        volunteer.LeadershipFrom > 0 && volunteer.LeadershipTo >= _plan.Today.DayNumber;

    /// <summary>
    /// Practitioners who never took the leadership course take it (in a past session, while their practitioner
    /// licence is valid) until there are as many leaders licensed today as teams, or the candidates run out.
    /// </summary>
    private void TopUpLeaders(SyntheticRandom random, HashSet<int> tried, Func<VolunteerFacts, int, License?> enroll)
    {
        var today = _plan.Today.DayNumber;
        var leaders = _volunteers.Count(v => LeadsToday(v));
        for (var attempt = 0; leaders < _plan.Teams && attempt < _plan.Teams * 60; attempt++)
        {
            var i = random.Next(_volunteers.Length);
            ref var v = ref _volunteers[i];
            var from = Math.Max(v.LicenseFrom + 30, today - 700);
            var to = Math.Min(v.LicenseTo - 1, today - 8);
            if (v.LicenseFrom == 0 || from > to || !tried.Add(i))
                continue;
            NoteLeadership(ref v, enroll(v, random.Between(from, to)));
            if (LeadsToday(v))
                leaders++;
        }
    }

    private (OrganizationFacts[] Organizations, WeightedPicker Picker) VerifiedIn(int region)
    {
        if (_verifiedByRegion.Count == 0)
        {
            // Region 0 stands for the whole country.
            _verifiedByRegion = ReferenceData.Regions.Select(r => r.Id).Prepend(0).ToDictionary(id => id, id =>
            {
                var own = _organizations.Where(o => o.Verified && (id == 0 || o.Region == id)).ToArray();
                return (own, new WeightedPicker(own.Select(o => o.Weight).ToArray()));
            });
        }
        return _verifiedByRegion[region];
    }

    /// <summary>A verified organisation, by size, of the region when it has one, otherwise of the country.</summary>
    private OrganizationFacts PickVerified(SyntheticRandom random, int region)
    {
        var (own, picker) = VerifiedIn(region);
        return own.Length > 0 ? own[picker.Pick(random)] : _organizations[_organizationPicker.Pick(random)];
    }

    private void GenerateTeams(Action<double> progress)
    {
        var random = Stream("teams");
        var today = _plan.Today.DayNumber;
        var leaders = Enumerable.Range(0, _volunteers.Length).Where(i => LeadsToday(_volunteers[i])).ToArray();
        if (leaders.Length == 0 || _organizationPicker.Total <= 0)
            return;
        var members = new HashSet<int>();
        for (var t = 0; t < _plan.Teams; t++)
        {
            // One team per leader while there are enough of them; at tiny scales a leader may lead two.
            var leaderIndex = leaders[t % leaders.Length];
            var leader = _volunteers[leaderIndex];
            var organization = PickVerified(random, leader.Region);
            var (cities, cityPicker) = _citiesByRegion[organization.Region];
            var city = cities[cityPicker.Pick(random)];
            var founded = Math.Max(leader.LeadershipFrom, organization.CreatedDay) + 1;
            var createdDay = founded >= today - 1 ? today - 1 : random.Between(founded, today - 1);
            var createdAt = At(DateOnly.FromDayNumber(createdDay), 10);
            var neighbourhood = SyntheticTexts.Neighbourhood(_names.Given(random, random.Chance(0.5) ? Gender.Male : Gender.Female));
            var fieldId = random.Pick(organization.Fields);
            var field = ReferenceData.Fields.First(f => f.Id == fieldId);
            var (name, description) = SyntheticTexts.Team(neighbourhood, city, field, organization.Name, t + 1);
            var closed = createdDay < today - 60 && random.Chance(0.05);
            var team = new Team
            {
                Id = random.Guid7(createdAt),
                OrganizationId = organization.Id,
                Name = new(name.Ar, name.En),
                DescriptionAr = description.Ar,
                DescriptionEn = description.En,
                RegionId = organization.Region,
                CityId = city.Id,
                Neighbourhood = neighbourhood.Ar,
                LeaderUserId = leader.Id,
                SearchText = OpportunitySearch.BuildSearchText(name.Ar, name.En, neighbourhood.Ar, city.NameAr, city.NameEn),
                CreatedAt = createdAt,
                CreatedBy = organization.AdminId,
                ClosedAt = closed ? At(DateOnly.FromDayNumber(random.Between(createdDay + 30, today - 1)), 12) : null,
            };
            _writer.Add(team);
            _writer.Add(new TeamMember { TeamId = team.Id, UserId = leader.Id, Role = TeamRole.Leader, State = TeamMemberState.Active, CreatedAt = createdAt, UpdatedAt = createdAt, ChangedBy = organization.AdminId });

            members.Clear();
            members.Add(leaderIndex);
            var active = Math.Clamp((int)Math.Round(4 * random.Pareto(1.3, 8)) + 1, 5, 30) - 1;
            var others = random.Between(0, active / 5);
            var deputies = random.Between(0, 2);
            for (var m = 0; m < active + others; m++)
            {
                var index = PickMember(random, organization.Region, members);
                if (index < 0)
                    break;
                var joinedDay = Math.Max(createdDay, _volunteers[index].RegisteredDay + 1);
                joinedDay = Math.Min(today - 1, joinedDay + (int)((today - 1 - joinedDay) * Math.Pow(random.NextDouble(), 3)));
                // Teams are founded at 10:00 (Saudi time); members join after that on the same day at the earliest.
                var joinedAt = At(DateOnly.FromDayNumber(joinedDay), random.Between(11, 22));
                var state = m < active ? TeamMemberState.Active : random.Pick(DepartedOrPending);
                var updatedAt = state is TeamMemberState.Left or TeamMemberState.Removed or TeamMemberState.Declined && joinedDay < today - 1
                    ? At(DateOnly.FromDayNumber(random.Between(joinedDay + 1, today - 1)), 18)
                    : joinedAt;
                _writer.Add(new TeamMember
                {
                    TeamId = team.Id,
                    UserId = _volunteers[index].Id,
                    Role = m < deputies ? TeamRole.Deputy : TeamRole.Member,
                    State = state,
                    CreatedAt = joinedAt,
                    UpdatedAt = updatedAt,
                    ChangedBy = state is TeamMemberState.Left or TeamMemberState.Requested ? null : leader.Id,
                });
            }
            if ((t & 0xFF) == 0)
                progress((double)t / _plan.Teams);
        }
    }

    private static readonly TeamMemberState[] DepartedOrPending =
        [TeamMemberState.Requested, TeamMemberState.Invited, TeamMemberState.Left, TeamMemberState.Removed, TeamMemberState.Declined];

    /// <summary>An active volunteer registered before yesterday, drawn from its region (the country when the region runs short).</summary>
    private int PickMember(SyntheticRandom random, int region, HashSet<int> taken)
    {
        var latest = _plan.Today.DayNumber - 2;
        for (var t = 0; t < 48; t++)
        {
            var pool = t < 24 ? _pools[region] : _nationalPool;
            var pick = pool.Picker.Pick(random);
            if (pick < 0)
                continue;
            var index = pool.Members[pick];
            if (_volunteers[index].RegisteredDay <= latest && taken.Add(index))
                return index;
        }
        return -1;
    }
}
