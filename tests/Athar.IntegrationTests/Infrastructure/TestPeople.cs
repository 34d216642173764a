using System.Globalization;
using Athar.Core.Accounts;
using Athar.Core.Identity;

namespace Athar.IntegrationTests.Infrastructure;

/// <summary>Builders for people: every call gives a unique, valid national ID, e-mail and mobile.</summary>
public static class TestPeople
{
    // Test people are refused passwords made of the platform's words ("volunteer", "athar") or their own details.
    public const string Password = "Harbour-Lantern-2026";
    public const string DemoPassword = "Athar-Demo-2026";

    private static int _counter = Random.Shared.Next(10_000_000, 80_000_000);

    private static int Next() => Interlocked.Increment(ref _counter);

    public static string NewNationalId(char prefix = '1') =>
        NationalId.FromNineDigits(prefix + Next().ToString("D8", CultureInfo.InvariantCulture)).Value;

    public static string WithBadCheckDigit(string nationalId) =>
        nationalId[..9] + (char)('0' + ((nationalId[9] - '0' + 1) % 10));

    /// <summary>A valid adult registration (Riyadh region, Riyadh city, two fields).</summary>
    public static VolunteerRegistrationInput Adult(Action<VolunteerRegistrationInput>? change = null)
    {
        var n = Next();
        var input = new VolunteerRegistrationInput
        {
            FullNameAr = "ريم إبراهيم الشهري",
            FullNameEn = "Reem Alshehri",
            NationalId = NewNationalId(),
            Mobile = "05" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
            Email = $"volunteer{n}@test.athar",
            Password = Password,
            Gender = Gender.Female,
            BirthDate = new DateOnly(1998, 5, 17),
            RegionId = 1,
            CityId = 101,
            FieldIds = [1, 3],
            Skills = "الإسعافات الأولية",
            Education = "بكالوريوس",
            Profession = "ممرضة",
            AcceptEthicsCharter = true,
            AcceptPrivacyNotice = true,
        };
        change?.Invoke(input);
        return input;
    }

    /// <summary>A 15-year-old on the clock's date, with a guardian.</summary>
    public static VolunteerRegistrationInput Minor(DateTimeOffset now) => Adult(i =>
    {
        i.BirthDate = DateOnly.FromDateTime(now.UtcDateTime).AddYears(-15);
        i.GuardianName = "إبراهيم الشهري";
        i.GuardianNationalId = NewNationalId();
        i.GuardianMobile = "0559876543";
    });
}
