using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Import;

/// <summary>The upload page: who may use it, the report in the page's language, confirming, progress, templates.</summary>
public sealed class ImportPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, Guid organizationId, string kind, byte[] content, string fileName = "people.csv")
    {
        var path = $"/org/{organizationId}/import";
        var token = await browser.AntiforgeryTokenAsync(path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { new StringContent("Auto"), "Encoding" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await browser.PostAsync(path + "?handler=Check", form);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OnlyTheOrganizationsAdmins_ReachThePage(TestDatabase database)
    {
        var app = fixture.For(database);
        var (organizationId, admin, supervisor) = await app.CreateVerifiedOrganizationAsync();
        var (_, otherAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var path = $"/org/{organizationId}/import";

        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAsAsync(admin.Email, TestPeople.Password)).GetAsync(path)).StatusCode);
        // The organisation's supervisor may see it but not manage it: forbidden (the cookie scheme answers with its access-denied page).
        var forbidden = await (await app.BrowserAsAsync(supervisor.Email, TestPeople.Password)).GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("/account/access-denied", forbidden.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var stranger = await app.BrowserAsAsync(otherAdmin.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path + "?handler=Template&kind=volunteers")).StatusCode);
        var anonymous = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Without the antiforgery token an upload is refused before anything is read.
        var bare = await (await app.BrowserAsAsync(admin.Email, TestPeople.Password)).PostAsync(path + "?handler=Check", new MultipartFormDataContent { { new StringContent("Volunteers"), "Kind" } });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TheDryRunReport_ListsRowColumnAndProblem_InThePagesLanguage(TestDatabase database)
    {
        var app = fixture.For(database);
        var (organizationId, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var file = ImportFiles.Csv([ImportFiles.VolunteerHeaderEn, ImportFiles.Volunteer(TestPeople.WithBadCheckDigit(TestPeople.NewNationalId()))]);

        foreach (var (language, column, message) in new[] { ("ar", "رقم الهوية", "خانة التحقق"), ("en", "National ID", "check digit") })
        {
            var browser = await app.BrowserAsAsync(admin.Email, TestPeople.Password, language);
            var checkedFile = await UploadAsync(browser, organizationId, "Volunteers", file);
            Assert.Equal(HttpStatusCode.Redirect, checkedFile.StatusCode);
            var report = await browser.GetStringAsync(checkedFile.Headers.Location!.OriginalString);
            Assert.Contains("id=\"import-problems\"", report, StringComparison.Ordinal);
            Assert.Contains($"<td>{column}</td>", report, StringComparison.Ordinal);
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(report), StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"import-confirm\"", report, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ConfirmingAnImport_WritesTheRows_AndTheStatusEndpointReportsItsEnd(TestDatabase database)
    {
        var app = fixture.For(database);
        var (organizationId, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var ids = new[] { TestPeople.NewNationalId(), TestPeople.NewNationalId() };
        var browser = await app.BrowserAsAsync(admin.Email, TestPeople.Password, "en");

        var checkedFile = await UploadAsync(browser, organizationId, "Volunteers", ImportFiles.Xlsx([ImportFiles.VolunteerHeaderAr, .. ids.Select(id => ImportFiles.Volunteer(id))]), "people.xlsx");
        var reportPath = checkedFile.Headers.Location!.OriginalString;
        var report = await browser.GetStringAsync(reportPath);
        Assert.Contains("id=\"import-confirm\"", report, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Volunteers.CountAsync(v => ids.Contains(v.NationalId))));

        var job = reportPath[(reportPath.IndexOf("job=", StringComparison.Ordinal) + 4)..];
        var confirmed = await browser.PostFormAsync($"/org/{organizationId}/import?handler=Import&job={job}", [], tokenFrom: reportPath);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        JsonElement status = default;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            status = await (await browser.GetAsync($"/org/{organizationId}/import?handler=Status&job={job}")).ReadJsonAsync();
            if (status.GetProperty("finished").GetBoolean())
                break;
            await Task.Delay(100);
        }
        Assert.True(status.GetProperty("finished").GetBoolean());
        Assert.Equal(100, status.GetProperty("percent").GetInt32());
        Assert.Equal(2, await app.QueryAsync(db => db.Volunteers.CountAsync(v => ids.Contains(v.NationalId))));
        Assert.Contains("id=\"import-done\"", await browser.GetStringAsync(reportPath), StringComparison.Ordinal);

        // Someone else, even an admin of the same organisation, cannot follow or confirm this upload.
        var (_, otherAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var stranger = await app.BrowserAsAsync(otherAdmin.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/org/{organizationId}/import?handler=Status&job={job}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Templates_AreGeneratedInEitherLanguage_AndImportAsTheyAre(TestDatabase database)
    {
        var app = fixture.For(database);
        var (organizationId, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var browser = await app.BrowserAsAsync(admin.Email, TestPeople.Password);
        var arabic = await browser.GetAsync($"/org/{organizationId}/import?handler=Template&kind=volunteers&lang=ar");
        Assert.Equal(HttpStatusCode.OK, arabic.StatusCode);
        Assert.Equal("text/csv", arabic.Content.Headers.ContentType!.MediaType);
        var bytes = await arabic.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFFرقم الهوية,الاسم بالعربية", text, StringComparison.Ordinal);

        // The template's own example row passes the dry run.
        await using var scope = app.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<Data.Import.ImportEngine>();
        var outcome = await engine.CheckAsync(new Data.Import.ImportRequest(organizationId, Core.Import.ImportKind.Volunteers, bytes, "t.csv", Data.Import.ImportEncoding.Auto, admin.UserId, "test"));
        Assert.True(outcome.Problems.Count == 0 || outcome.Problems.All(p => p.Code == "Email.TakenByOther" || p.Code == "NationalId.OtherPerson"), string.Join(", ", outcome.Problems.Select(p => p.Code)));
    }
}
