namespace Athar.Core.Recognition;

/// <summary>A team's achievements, computed from its verified team hours and team applications (never stored: they follow the data).</summary>
public enum TeamMilestone
{
    FirstTeamOpportunity = 1,
    TeamHours100 = 100,
    TeamHours500 = 500,
    TeamHours1000 = 1000,
}

public static class TeamMilestones
{
    public static IReadOnlyList<TeamMilestone> Reached(decimal teamHours, int opportunitiesWithHours)
    {
        var reached = new List<TeamMilestone>();
        if (opportunitiesWithHours > 0)
            reached.Add(TeamMilestone.FirstTeamOpportunity);
        foreach (var m in new[] { TeamMilestone.TeamHours100, TeamMilestone.TeamHours500, TeamMilestone.TeamHours1000 })
        {
            if (teamHours >= (int)m)
                reached.Add(m);
        }
        return reached;
    }
}
