using System.Net;
using System.Net.Http.Json;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Accounts;

public sealed class ProfileTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task UpdateProfile_ChangesWhatTheVolunteerMayChange(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = TestPeople.Adult();
        await app.Api().PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json);
        var client = await app.ApiAsAsync(input.Email!, TestPeople.Password);

        var response = await client.PutAsJsonAsync("/api/v1/me", new
        {
            fullNameAr = "ريم الشهري",
            mobile = "0501112233",
            regionId = 2,
            cityId = 202,
            fieldIds = new[] { 10, 11 },
            skills = "تنظيم الحشود",
            currentPassword = TestPeople.Password,
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var me = await (await client.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Equal("ريم الشهري", me.GetProperty("fullNameAr").GetString());
        Assert.Equal("+966501112233", me.GetProperty("mobile").GetString());
        Assert.Equal(202, me.GetProperty("cityId").GetInt32());
        Assert.Equal([10, 11], me.GetProperty("fieldIds").EnumerateArray().Select(e => e.GetInt32()).Order());
        Assert.Equal(input.NationalId, me.GetProperty("nationalId").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task UpdateProfile_WithBadInput_ChangesNothing(TestDatabase database)
    {
        var app = fixture.For(database);
        var client = await app.ApiAsAsync("volunteer2@athar.local");
        var before = await (await client.GetAsync("/api/v1/me")).ReadJsonAsync();

        var response = await client.PutAsJsonAsync("/api/v1/me", new { fullNameAr = "عبدالرحمن", mobile = "0501112233", regionId = 1, cityId = 202 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("City.NotInRegion", (await response.ReadJsonAsync()).GetProperty("errorCodes").GetProperty("cityId")[0].GetString());
        var after = await (await client.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Equal(before.GetProperty("fullNameAr").GetString(), after.GetProperty("fullNameAr").GetString());
        Assert.Equal(before.GetProperty("cityId").GetInt32(), after.GetProperty("cityId").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task EditForm_SavesAndShowsTheProfile(TestDatabase database)
    {
        var app = fixture.For(database);
        var client = await app.BrowserAsAsync("team.leader@athar.local");

        var response = await client.PostFormAsync("/profile/edit",
        [
            new("Input.FullNameAr", "سارة محمد العتيبي"),
            new("Input.FullNameEn", "Sarah Alotaibi"),
            new("Input.Mobile", "0550000005"),
            new("Input.RegionId", "4"),
            new("Input.CityId", "402"),
            new("Input.FieldIds", "13"),
            new("Input.Profession", "مهندسة برمجيات"),
            new("Input.CurrentPassword", TestPeople.DemoPassword),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync("/profile");
        Assert.Contains("المنطقة الشرقية — الخبر", page, StringComparison.Ordinal);
        Assert.Contains("مهندسة برمجيات", page, StringComparison.Ordinal);
        // The layout's status message (TempData) shows once, on the page the form redirected to.
        Assert.Contains("تم حفظ ملفك الشخصي.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("تم حفظ ملفك الشخصي.", await client.GetStringAsync("/profile"), StringComparison.Ordinal);
        Assert.Equal("مهندسة برمجيات", await app.QueryAsync(db => db.Volunteers.Where(v => v.User.Email == "team.leader@athar.local").Select(v => v.Profession).SingleAsync()));
    }
}
