using System.Globalization;
using System.Text;

namespace Athar.E2ETests.Infrastructure;

/// <summary>Fresh, valid identities per test, so tests within one class (one database) never collide.</summary>
public static class TestPeople
{
    public const string Password = "Athar-E2E-2026";
    public const string DemoPassword = "Athar-Demo-2026";
    public const string DemoAdmin = "admin@athar.local";
    public const string DemoVolunteer = "volunteer@athar.local";

    /// <summary>The demo volunteer's name as the organisation's staff see it.</summary>
    public const string DemoVolunteerNameAr = "ريم إبراهيم الشهري";

    /// <summary>Admin of the demo's verified organisation in Makkah (<see cref="DemoOrganizationRegistration"/>).</summary>
    public const string DemoOrganizationAdmin = "org.admin@athar.local";

    public const string DemoOrganizationSupervisor = "org.supervisor@athar.local";

    /// <summary>The registration number the demo data gives its verified Makkah organisation.</summary>
    public const string DemoOrganizationRegistration = "DEMO-makkah-centres";

    /// <summary>Ten digits starting with 1, the last a Luhn check digit over all ten (written here, not borrowed from the app).</summary>
    public static string NewNationalId(char prefix = '1')
    {
        var digits = new StringBuilder().Append(prefix);
        for (var i = 0; i < 8; i++)
            digits.Append((char)('0' + Random.Shared.Next(10)));
        for (var check = '0'; check <= '9'; check++)
        {
            if (PassesLuhn(digits + check.ToString()))
                return digits.Append(check).ToString();
        }
        throw new InvalidOperationException("A Luhn check digit always exists.");
    }

    /// <summary>A valid ID with its last digit changed: right length and prefix, wrong check digit.</summary>
    public static string WithBadCheckDigit(string nationalId)
    {
        var last = (char)('0' + ((nationalId[^1] - '0' + 1) % 10));
        var bad = string.Concat(nationalId.AsSpan(0, 9), last.ToString());
        return PassesLuhn(bad) ? throw new InvalidOperationException("Changing one digit always breaks Luhn.") : bad;
    }

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>A local Saudi mobile number, 05XXXXXXXX.</summary>
    public static string NewMobile() => "05" + Random.Shared.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);

    public static string NewEmail(string who) => $"{who}.{Guid.NewGuid():N}@e2e.athar.test";

    /// <summary>A birth date that makes the person exactly <paramref name="years"/> years old (plus a month) today in Riyadh.</summary>
    public static DateOnly BornYearsAgo(int years)
    {
        var riyadhToday = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(3));
        return riyadhToday.AddYears(-years).AddMonths(-1);
    }
}
