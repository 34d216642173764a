using System.Globalization;

namespace Athar.E2ETests.Pages;

/// <summary>What organisation staff type into the opportunity form; defaults make a valid in-person opportunity in Makkah.</summary>
public sealed record OpportunityForm
{
    public required string TitleAr { get; init; }
    public string? TitleEn { get; init; }
    public string DescriptionAr { get; init; } = "استقبال زوار المرضى وإرشادهم إلى الأقسام ومساعدة كبار السن عند المداخل.";
    public string? DescriptionEn { get; init; } = "Welcoming patients' visitors, guiding them to the wards and helping the elderly at the entrances.";
    /// <summary>1 = health.</summary>
    public int FieldId { get; init; } = 1;
    public string Type { get; init; } = "General";
    public int RegionId { get; init; } = 2;
    public int CityId { get; init; } = 201;
    public string? Address { get; init; } = "حي العزيزية";
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }
    public required IReadOnlyList<ShiftRow> Shifts { get; init; }
    public string Gender { get; init; } = "Any";
    public int? ExpectedBeneficiaries { get; init; } = 200;
    /// <summary>Off: each applicant waits for the organisation's decision.</summary>
    public bool AutoAccept { get; init; }

    public static string DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string TimeValue(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>One shift row: a Saudi local date, start and end times, and seats.</summary>
public sealed record ShiftRow(DateOnly Date, TimeOnly Start, TimeOnly End, int Seats);
