using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Athar.IntegrationTests.Infrastructure;

namespace Athar.IntegrationTests.Opportunities;

/// <summary>Opportunity inputs and API steps for this folder's tests; dates are relative to the app's clock.</summary>
internal static class OpportunityData
{
    public static DateOnly Today(AtharAppFactory app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(3).DateTime);

    /// <summary>A unique word (letters only, so no stemming surprises) to find exactly one test's opportunities.</summary>
    public static string Marker() => "mk" + new string(Guid.NewGuid().ToString("N").Select(c => char.IsDigit(c) ? (char)('g' + (c - '0')) : c).ToArray());

    /// <summary>A valid opportunity body for the API: two shifts in the coming week, in Riyadh.</summary>
    public static Dictionary<string, object?> Body(AtharAppFactory app, string titleAr = "مساعدة في تنظيم معرض الكتاب", string? titleEn = "Book fair volunteering", int seats = 5)
    {
        var start = Today(app).AddDays(3);
        return new Dictionary<string, object?>
        {
            ["titleAr"] = titleAr,
            ["titleEn"] = titleEn,
            ["descriptionAr"] = "استقبال الزوار وإرشادهم إلى أجنحة المعرض.",
            ["descriptionEn"] = "Welcome visitors and guide them to the fair's halls.",
            ["fieldId"] = 5,
            ["regionId"] = 1,
            ["cityId"] = 101,
            ["address"] = "واجهة الرياض",
            ["isRemote"] = false,
            ["startDate"] = Iso(start),
            ["endDate"] = Iso(start.AddDays(4)),
            ["shifts"] = new List<Dictionary<string, object?>>
            {
                Shift(start, "09:00", "13:00", seats),
                Shift(start.AddDays(1), "16:00", "20:00", seats),
            },
            ["gender"] = "any",
            ["minimumAge"] = 16,
            ["allowsMinors"] = true,
            ["requiredSkills"] = "التواصل مع الجمهور",
            ["requiredLicense"] = "none",
            ["type"] = "general",
            ["expectedBeneficiaries"] = 2000,
            ["autoAccept"] = false,
        };
    }

    public static Dictionary<string, object?> Shift(DateOnly date, string start, string end, int seats, Guid? id = null) => new()
    {
        ["id"] = id,
        ["date"] = Iso(date),
        ["startTime"] = start + ":00",
        ["endTime"] = end + ":00",
        ["seats"] = seats,
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<Guid> CreateAsync(HttpClient staff, Guid organizationId, Dictionary<string, object?> body)
    {
        var response = await staff.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/opportunities", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreatePublishedAsync(HttpClient staff, Guid organizationId, Dictionary<string, object?> body)
    {
        var id = await CreateAsync(staff, organizationId, body);
        var response = await staff.PostAsync($"/api/v1/opportunities/{id}/publish", null);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        return id;
    }

    public static async Task<(Guid OrganizationId, HttpClient Admin, Builders.StaffMember AdminMember)> OrganizationAsync(AtharAppFactory app, string language = "ar")
    {
        var (organizationId, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var client = await app.ApiAsAsync(admin.Email, TestPeople.Password, language);
        return (organizationId, client, admin);
    }

    public static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/opportunities?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
}
