using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Programs.VolunteerProgram> Programs => Set<Programs.VolunteerProgram>();
    public DbSet<Programs.ProgramTrack> ProgramTracks => Set<Programs.ProgramTrack>();
    public DbSet<Programs.Initiative> Initiatives => Set<Programs.Initiative>();
    public DbSet<Programs.InitiativePartner> InitiativePartners => Set<Programs.InitiativePartner>();
    public DbSet<Programs.InitiativeOpportunity> InitiativeOpportunities => Set<Programs.InitiativeOpportunity>();
    public DbSet<Recognition.Idea> Ideas => Set<Recognition.Idea>();
    public DbSet<Recognition.AwardCycle> AwardCycles => Set<Recognition.AwardCycle>();
    public DbSet<Recognition.AwardJudge> AwardJudges => Set<Recognition.AwardJudge>();
    public DbSet<Recognition.AwardNomination> AwardNominations => Set<Recognition.AwardNomination>();
    public DbSet<Recognition.AwardScore> AwardScores => Set<Recognition.AwardScore>();
}
