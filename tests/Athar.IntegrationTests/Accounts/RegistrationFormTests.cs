using System.Net;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Accounts;

public sealed class RegistrationFormTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    internal static List<KeyValuePair<string, string>> Form(VolunteerRegistrationInput i)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.FullNameAr", i.FullNameAr ?? ""),
            new("Input.FullNameEn", i.FullNameEn ?? ""),
            new("Input.NationalId", i.NationalId ?? ""),
            new("Input.Mobile", i.Mobile ?? ""),
            new("Input.Email", i.Email ?? ""),
            new("Input.Password", i.Password ?? ""),
            new("Input.Gender", i.Gender?.ToString() ?? ""),
            new("Input.BirthDate", i.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            new("Input.RegionId", i.RegionId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            new("Input.CityId", i.CityId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            new("Input.Skills", i.Skills ?? ""),
            new("Input.AcceptEthicsCharter", i.AcceptEthicsCharter ? "true" : "false"),
            new("Input.AcceptPrivacyNotice", i.AcceptPrivacyNotice ? "true" : "false"),
        };
        fields.AddRange(i.FieldIds.Select(f => new KeyValuePair<string, string>("Input.FieldIds", f.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return fields;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegisterForm_WithValidInput_SendsToSignIn_WhereTheNewPasswordOpensTheProfile(TestDatabase database)
    {
        var app = fixture.For(database);
        var client = app.Browser();
        var input = TestPeople.Adult();

        var response = await client.PostFormAsync("/account/register", Form(input));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.OriginalString);
        var signedIn = await app.BrowserAsAsync(input.Email!, TestPeople.Password);
        var profile = await signedIn.GetStringAsync("/profile");
        Assert.Contains(input.NationalId!, profile, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegisterForm_WithBadInput_ShowsArabicFieldErrors_KeepsValues_AndSavesNothing(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = TestPeople.Adult(i =>
        {
            i.NationalId = TestPeople.WithBadCheckDigit(i.NationalId!);
            i.Mobile = "12345";
            i.FullNameAr = "<script>alert(1)</script>";
        });

        var response = await app.Browser().PostFormAsync("/account/register", Form(input));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("رقم الهوية غير صحيح؛ يُرجى التحقق من الأرقام.", html, StringComparison.Ordinal);
        Assert.Contains("أدخل رقم جوال سعودياً مثل 05XXXXXXXX.", html, StringComparison.Ordinal);
        Assert.Contains("استخدم الحروف فقط", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{input.Email}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == input.Email)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegisterForm_InEnglish_ShowsEnglishErrors_IncludingUnparsableDate(TestDatabase database)
    {
        var app = fixture.For(database);
        var fields = Form(TestPeople.Adult(i => i.RegionId = 3)).Where(f => f.Key != "Input.BirthDate").ToList();
        fields.Add(new("Input.BirthDate", "yesterday"));

        var response = await app.Browser("en").PostFormAsync("/account/register", fields);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("The value entered is not valid.", html, StringComparison.Ordinal);
        Assert.Contains("This city is not in the chosen region.", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegisterForm_WithoutAntiforgeryToken_IsRejected(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = TestPeople.Adult();

        var response = await app.Browser().PostAsync("/account/register", new FormUrlEncodedContent(Form(input)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == input.Email)));
    }
}
