namespace Athar.Data.Seeding.National;

/// <summary>
/// How big the synthetic nation is. At scale 1: 1.2 million volunteers (about 527,000 of them with verified
/// hours: 56% are active and most of those are drawn for a shift), 5,000 organisations and 300,000 opportunities whose shifts produce about 8 million
/// attendance records and 32 million verified hours over four years, 3,000 teams, 301 programmes and 1,000 initiatives. Everything follows from the
/// seed and the anchor date ("today"): the same three give the same data.
/// </summary>
public sealed record NationalPlan(double Scale, ulong Seed, DateOnly Today)
{
    public const string Password = "Athar-Bench-2026";
    public const string EmailDomain = "athar.example";
    public const int HistoryYears = 4;

    public int Volunteers => Count(1_200_000, 40);
    public const double ActiveShare = 0.56;
    public int Organizations => Count(5_000, 6);
    public int Opportunities => Count(300_000, 30);

    /// <summary>Neighbourhood teams, each led by a volunteer holding a team-leadership licence valid today.</summary>
    public int Teams => Count(3_000, 3);

    /// <summary>Yearly programmes of the largest organisations; the platform's own national programme comes on top.</summary>
    public int Programs => Count(300, 2);

    /// <summary>Initiatives, each led by one organisation with two to five partners.</summary>
    public int Initiatives => Count(1_000, 3);

    /// <summary>Share of opportunities still ahead (published, with shifts to come): what search finds.</summary>
    public const double UpcomingShare = 0.06;

    public DateOnly HistoryStart => Today.AddYears(-HistoryYears);

    public static string AdminEmail => $"admin@{EmailDomain}";
    public static string VolunteerEmail(int index) => $"v{index:D7}@volunteers.{EmailDomain}";
    public static string OrganizationAdminEmail(int index) => $"org{index:D5}.admin@orgs.{EmailDomain}";
    public static string OrganizationSupervisorEmail(int index, int n) => $"org{index:D5}.sup{n}@orgs.{EmailDomain}";
    public static string RegionalSupervisorEmail(int regionId) => $"region{regionId:D2}.supervisor@{EmailDomain}";

    private int Count(int atScaleOne, int minimum) => Math.Max(minimum, (int)Math.Round(atScaleOne * Scale));
}
