using System.Globalization;
using Athar.E2ETests.Infrastructure;

namespace Athar.E2ETests.Pages;

/// <summary>What a person types into the registration form; defaults make a valid adult volunteer.</summary>
public sealed record RegistrationForm
{
    public string FullNameAr { get; init; } = "ليان عبدالعزيز المطيري";
    public string? FullNameEn { get; init; } = "Layan Abdulaziz Almutairi";
    public string NationalId { get; init; } = TestPeople.NewNationalId();
    public DateOnly BirthDate { get; init; } = TestPeople.BornYearsAgo(27);
    public string Gender { get; init; } = "Female";
    public string Mobile { get; init; } = TestPeople.NewMobile();
    public string Email { get; init; } = TestPeople.NewEmail("volunteer");
    public string Password { get; init; } = TestPeople.Password;
    public int RegionId { get; init; } = 1;
    public int CityId { get; init; } = 101;
    public IReadOnlyList<int> FieldIds { get; init; } = [3, 16];
    public string? Skills { get; init; } = "الإسعافات الأولية";
    public string? GuardianName { get; init; }
    public string? GuardianNationalId { get; init; }
    public string? GuardianMobile { get; init; }
    public bool AcceptCharter { get; init; } = true;
    public bool AcceptPrivacy { get; init; } = true;

    public string BirthDateValue => BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
