using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Athar.IntegrationTests.Training;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Certificates;

public sealed class CertificateTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>A volunteer with three verified hours at "Iftar meal distribution".</summary>
    private static async Task<(Builders.StaffMember Person, HttpClient Volunteer, Guid OpportunityId, Guid HoursId)> VerifiedHoursAsync(AtharAppFactory app)
    {
        app.MoveToNextMorning();
        var (org, _, supervisor) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(org, [app.ShiftFromNow(TimeSpan.FromHours(2), TimeSpan.FromHours(3), 5)], autoAccept: true);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var volunteer = await app.ApiAsAsync(person.Email, TestPeople.Password);
        var staff = await app.ApiAsAsync(supervisor.Email, TestPeople.Password);
        var application = (await (await volunteer.PostAsJsonAsync($"/api/v1/shifts/{opportunity.Shifts[0].Id}/applications", new { })).ReadJsonAsync()).GetProperty("id").GetGuid();
        app.Clock.SetUtcNow(opportunity.Shifts[0].StartsAt);
        await staff.PostAsync($"/api/v1/applications/{application}/check-in", null);
        app.Clock.SetUtcNow(opportunity.Shifts[0].EndsAt);
        var hoursId = (await (await staff.PostAsync($"/api/v1/applications/{application}/check-out", null)).ReadJsonAsync()).GetProperty("hoursId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/v1/hours/{hoursId}/approve", null)).StatusCode);
        return (person, volunteer, opportunity.Id, hoursId);
    }

    internal static async Task<(string Text, string Code)> DownloadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        var code = System.Text.RegularExpressions.Regex.Match(text, "[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}").Value;
        Assert.NotEmpty(code);
        return (text, code);
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"athar-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("pdftotext (apt poppler-utils) is required.");
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ParticipationCertificate_StatesTheRecord_VerifiesAsGenuine_AndAlteredHoursInvalidateIt(TestDatabase database)
    {
        var app = fixture.For(database);
        var (person, volunteer, opportunityId, hoursId) = await VerifiedHoursAsync(app);

        var (text, code) = await DownloadAsync(volunteer, $"/me/documents/participation/{opportunityId}");
        Assert.Contains("Volunteer Participation Certificate", text, StringComparison.Ordinal);
        Assert.Contains("Test Person", text, StringComparison.Ordinal);
        Assert.Contains("Iftar meal distribution", text, StringComparison.Ordinal);
        Assert.Contains("3 hours — shifts attended: 1", text, StringComparison.Ordinal);
        // The same record downloaded again keeps its code.
        Assert.Equal(code, (await DownloadAsync(volunteer, $"/me/documents/participation/{opportunityId}")).Code);

        var anonymous = app.Api("en");
        var genuine = await (await anonymous.GetAsync($"/api/v1/verify/{code}")).ReadJsonAsync();
        Assert.Equal("genuine", genuine.GetProperty("status").GetString());
        Assert.Equal("Test Person", genuine.GetProperty("holderName").GetString());
        var nationalId = await app.QueryAsync(db => db.Volunteers.Where(v => v.UserId == person.UserId).Select(v => v.NationalId).SingleAsync());
        Assert.DoesNotContain(nationalId, genuine.GetRawText(), StringComparison.Ordinal);

        // Someone changes the certified hours in the record: the old code no longer vouches for anything.
        await app.QueryAsync(db => db.VolunteerHours.Where(h => h.Id == hoursId).ExecuteUpdateAsync(h => h.SetProperty(x => x.CreditedMinutes, 120)));
        var altered = await (await anonymous.GetAsync($"/api/v1/verify/{code}")).ReadJsonAsync();
        Assert.Equal("altered", altered.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, altered.GetProperty("holderName").ValueKind);

        var (newText, newCode) = await DownloadAsync(volunteer, $"/me/documents/participation/{opportunityId}");
        Assert.NotEqual(code, newCode);
        Assert.Contains("2 hours — shifts attended: 1", newText, StringComparison.Ordinal);
        Assert.Equal("genuine", (await (await anonymous.GetAsync($"/api/v1/verify/{newCode}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task UnknownAndMalformedCodes_VerifyAsUnknown_WithoutAnError(TestDatabase database)
    {
        var anonymous = fixture.For(database).Api("en");
        foreach (var code in new[] { "ABCD-EFGH-JKMN-PQRS", "not a code", "%3Cscript%3E", new string('9', 300) })
        {
            var response = await anonymous.GetAsync($"/api/v1/verify/{code}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("unknown", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        }
        var page = await fixture.For(database).Browser("ar").GetStringAsync("/verify/ABCD-EFGH-JKMN-PQRS");
        Assert.Contains("data-status=\"Unknown\"", page, StringComparison.Ordinal);
        Assert.Contains("رمز غير معروف", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task LicenceCard_VerifiesAsRevoked_OnceTheLicenceIsRevoked(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var course = await scene.CourseAsync();
        var (_, volunteer) = await scene.VolunteerAsync();
        var enrollment = await scene.TakeCourseAsync(volunteer, course, 92);
        var licence = (await TrainingScene.LicensesAsync(volunteer))[0];
        var id = licence.GetProperty("id").GetGuid();

        var (text, code) = await DownloadAsync(volunteer, $"/me/documents/license/{id}");
        Assert.Contains("Volunteer Practitioner Licence", text, StringComparison.Ordinal);
        Assert.Contains(licence.GetProperty("number").GetString()!, text, StringComparison.Ordinal);
        var (trainingText, _) = await DownloadAsync(volunteer, $"/me/documents/training/{enrollment}");
        Assert.Contains("Volunteering essentials", trainingText, StringComparison.Ordinal);
        Assert.Contains("92", trainingText, StringComparison.Ordinal);

        var anonymous = scene.App.Api("en");
        Assert.Equal("genuine", (await (await anonymous.GetAsync($"/api/v1/verify/{code}")).ReadJsonAsync()).GetProperty("status").GetString());
        await scene.Admin.PostAsJsonAsync($"/api/v1/admin/licenses/{id}/revoke", new { reason = "مخالفة" });
        Assert.Equal("revoked", (await (await anonymous.GetAsync($"/api/v1/verify/{code}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task VerifyPage_ShowsTheCodeAsPrinted_AndALicenceCopysDateOnlyWhenItDiffersFromTheIssueDate(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var course = await scene.CourseAsync();
        async Task<string> LicenceCodeAsync(HttpClient volunteer) =>
            (await DownloadAsync(volunteer, $"/me/documents/license/{(await TrainingScene.LicensesAsync(volunteer))[0].GetProperty("id").GetGuid()}")).Code;
        var (_, sameDay) = await scene.VolunteerAsync();
        await scene.TakeCourseAsync(sameDay, course, 90);
        var sameDayCode = await LicenceCodeAsync(sameDay);
        scene.App.MoveToNextMorning();
        var (_, later) = await scene.VolunteerAsync();
        await scene.TakeCourseAsync(later, course, 90);
        scene.App.MoveToNextMorning();
        var laterCode = await LicenceCodeAsync(later);

        // Typed in lower case without its dashes, the code comes back grouped as the document prints it.
        var page = await scene.App.Browser("en").GetStringAsync($"/verify?code={sameDayCode.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}");
        Assert.Contains($"value=\"{sameDayCode}\"", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"verified-code\">{sameDayCode}<", page, StringComparison.Ordinal);
        Assert.Contains(">Issued</dt>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Document issued", page, StringComparison.Ordinal);
        Assert.DoesNotContain("This copy issued", page, StringComparison.Ordinal);
        var laterPage = await scene.App.Browser("en").GetStringAsync($"/verify/{laterCode}");
        Assert.Contains(">This copy issued</dt>", laterPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Document issued", laterPage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Documents_AreTheirHoldersOnly(TestDatabase database)
    {
        var app = fixture.For(database);
        var (_, volunteer, opportunityId, _) = await VerifiedHoursAsync(app);
        var other = await app.CreatePersonAsync([Roles.Volunteer]);
        var stranger = await app.ApiAsAsync(other.Email, TestPeople.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/me/documents/participation/{opportunityId}")).StatusCode);
        var anonymous = await app.Api().GetAsync($"/me/documents/participation/{opportunityId}");
        Assert.Equal(HttpStatusCode.Found, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location?.ToString(), StringComparison.OrdinalIgnoreCase);
        var year = app.Clock.GetUtcNow().Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (statement, _) = await DownloadAsync(volunteer, $"/me/documents/statement/{year}");
        Assert.Contains("Iftar meal distribution", statement, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/me/documents/statement/{year}")).StatusCode);
        var (card, _) = await DownloadAsync(volunteer, "/me/documents/card");
        Assert.Contains("Volunteer Card", card, StringComparison.Ordinal);
    }
}
