using System.Text.RegularExpressions;
using Athar.E2ETests.Infrastructure;
using Athar.E2ETests.Pages;

namespace Athar.E2ETests.Journeys;

/// <summary>
/// Training to licence through the real pages: the platform admin creates a published practitioner-track
/// course and a session a couple of hours ahead, a new volunteer enrols, the session starts (the fake
/// clock moves), the admin records her attendance and a passing score, and her practitioner licence is
/// active on /me/licenses. Its PDF is downloaded, rendered and its QR code decoded; the URL it holds
/// opens the public verification page, which says the licence is genuine and names her.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class TrainingJourneyTests(BrowserFixture browser, FakeClockServer server) : IClassFixture<FakeClockServer>
{
    private const int PassingScore = 70;
    private const int Score = 85;
    private const int Seats = 10;

    [Fact]
    public Task Training_InArabic_AdminCreatesCourseAndSession_VolunteerEnrolsPasses_LicencePdfQrVerifiesGenuine() =>
        JourneyAsync("ar", new RegistrationForm());

    [Fact]
    public Task Training_InEnglish_AdminCreatesCourseAndSession_VolunteerEnrolsPasses_LicencePdfQrVerifiesGenuine() =>
        JourneyAsync("en", new RegistrationForm { FullNameAr = "نورة سلمان القحطاني", FullNameEn = "Noura Salman Alqahtani" });

    private async Task JourneyAsync(string language, RegistrationForm person)
    {
        // Each case owns its course (the class shares one database and one clock that only moves forward).
        var titleAr = $"أساسيات العمل التطوعي الميداني {Guid.NewGuid().ToString("N")[..6]}";
        const string DescriptionAr = "دورة تمهيدية في أخلاقيات التطوع والسلامة في الميدان والتعامل مع المستفيدين.";
        var now = server.Clock.GetUtcNow().ToOffset(FakeClockServer.SaudiOffset);
        var sessionStart = new TimeOnly(now.Hour, 0).AddHours(2);
        var sessionEnd = sessionStart.AddHours(2);
        Assert.True(sessionEnd > sessionStart, "The session must fit in the clock's day.");
        var day = server.SaudiToday;
        var Tr = TrainingTexts.Training;
        var Lic = TrainingTexts.Licensing;
        var Cert = TrainingTexts.Certificates;

        // 1. The platform admin creates a published practitioner course, then adds a session.
        await using var admin = await browser.OpenAsync(server);
        var adminLogin = await new LoginPage(admin.Page).OpenAsync();
        if (language == "en")
            await adminLogin.SwitchLanguageAsync();
        await adminLogin.SignInAsync(TestPeople.DemoAdmin, TestPeople.DemoPassword);

        var edit = await new TrainingCourseEditPage(admin.Page).OpenNewAsync();
        await edit.ExpectLanguageAsync(language);
        Assert.True(await edit.IsStyledAsync(), "The course form is unstyled.");
        await Expect(edit.Heading).ToHaveTextAsync(Tr.In(language, "Manage.New"));
        await edit.FillAsync(titleAr, DescriptionAr, "Practitioner", 6m, PassingScore, publish: true);
        await Screenshots.SaveAsync(admin.Page, $"training-01-course-form-{language}");
        await edit.SaveAsync();

        Assert.Matches("^/training/edit/[0-9a-f-]{36}$", edit.Path);
        await Expect(edit.FormErrors).ToHaveCountAsync(0);
        await Expect(edit.Heading).ToHaveTextAsync(Tr.In(language, "Manage.Edit"));
        await Expect(edit.SessionForm).ToBeVisibleAsync();
        var courseId = edit.CourseId;

        await edit.AddSessionAsync(day, sessionStart, sessionEnd, Seats);
        await Expect(edit.FormErrors).ToHaveCountAsync(0);
        await Expect(admin.Page.Locator("#session-form .text-danger:not(:empty)")).ToHaveCountAsync(0);
        await Expect(edit.Sessions).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(admin.Page, $"training-02-course-session-{language}");

        // 2. A new volunteer registers, opens the course and enrols in its session.
        await using var volunteer = await browser.OpenAsync(server);
        var register = await new RegisterPage(volunteer.Page).OpenAsync();
        await register.FillAsync(person);
        await register.SubmitAsync();
        // Everyone is sent to sign in after registering (no account enumeration).
        Assert.Equal("/account/login", register.Path);
        await new LoginPage(volunteer.Page).SignInAsync(person.Email, person.Password);
        if (language == "en")
            await register.SwitchLanguageAsync();
        var volunteerName = language == "ar" ? person.FullNameAr : person.FullNameEn!;

        var course = await new TrainingCoursePage(volunteer.Page).OpenAsync(courseId);
        await course.ExpectLanguageAsync(language);
        await Expect(course.Title).ToHaveTextAsync(titleAr);
        await Expect(course.Sessions).ToHaveCountAsync(1);
        var session = course.Sessions.First;
        await Expect(TrainingCoursePage.EnrollButton(session)).ToHaveTextAsync(Tr.In(language, "Course.Enroll"));
        await Expect(TrainingCoursePage.EnrollButton(session)).ToBeEnabledAsync();
        await Screenshots.SaveAsync(volunteer.Page, $"training-03-course-details-{language}");
        await course.EnrollAsync(session);
        Assert.Equal("/me/training", course.Path);
        await Expect(volunteer.Page.Locator("main .alert-danger:not(:empty)")).ToHaveCountAsync(0);
        await Expect(volunteer.Page.Locator("main")).ToContainTextAsync(titleAr);
        await Screenshots.SaveAsync(volunteer.Page, $"training-04-my-training-{language}");

        // 3. Half an hour into the session the admin records her attendance and score.
        server.SetSaudiTime(sessionStart.AddMinutes(30));
        var roster = await new TrainingRosterPage(admin.Page).OpenAsync(courseId);
        await roster.ExpectLanguageAsync(language);
        await Expect(roster.Heading).ToHaveTextAsync(Tr.In(language, "Roster.Title"));
        // The roster names trainees in the page's language (the English name on English pages).
        var trainee = roster.Trainee(volunteerName);
        await Expect(trainee).ToHaveCountAsync(1);
        await Expect(trainee).ToHaveAttributeAsync("data-status", "Enrolled");
        await Expect(TrainingRosterPage.Attended(trainee)).ToBeCheckedAsync();
        await roster.RecordAsync(trainee, attended: true, Score);
        await Expect(roster.Errors).ToHaveCountAsync(0);
        await Expect(trainee).ToHaveAttributeAsync("data-status", "Passed");
        await Expect(TrainingRosterPage.StatusBadge(trainee)).ToContainTextAsync(Tr.In(language, "EnrollmentStatus.Passed"));
        await Screenshots.SaveAsync(admin.Page, $"training-05-roster-passed-{language}");

        // 4. Her practitioner licence is active; its PDF's QR code leads to a genuine verification.
        var licenses = await new LicensesPage(volunteer.Page).OpenAsync();
        await licenses.ExpectLanguageAsync(language);
        Assert.True(await licenses.IsStyledAsync(), "The licences page is unstyled.");
        await Expect(licenses.Heading).ToHaveTextAsync(Lic.In(language, "Mine.Title"));
        var license = licenses.License("Practitioner", "Active");
        await Expect(license).ToHaveCountAsync(1);
        await Expect(license.Locator("h2")).ToHaveTextAsync(Lic.In(language, "LicenseLevel.Practitioner"));
        await Expect(LicensesPage.StatusBadge(license)).ToHaveTextAsync(Lic.In(language, "LicenseStatus.Active"));
        await Expect(LicensesPage.Number(license)).ToHaveTextAsync(new Regex("^PR-"));
        await Expect(LicensesPage.DownloadLink(license)).ToHaveTextAsync(Lic.In(language, "Mine.Download"));
        Assert.False(await licenses.HasHorizontalOverflowAsync(), "The licences page scrolls sideways.");
        var licensesShot = await Screenshots.SaveAsync(volunteer.Page, $"training-06-my-licenses-{language}");

        var download = await licenses.DownloadAsync(license);
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        Directory.CreateDirectory(Screenshots.Directory);
        var pdfPath = Path.Combine(Screenshots.Directory, $"training-07-license-{language}.pdf");
        await download.SaveAsAsync(pdfPath);
        Assert.Null(await download.FailureAsync());
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdfPath), 0, 5), StringComparison.Ordinal);
        var pdfPng = await CertificateQr.RenderFirstPageAsync(pdfPath, Path.Combine(Screenshots.Directory, $"training-07-license-pdf-{language}"));
        var verifyUrl = await CertificateQr.DecodeAsync(pdfPng);
        Assert.Matches(@"^https?://[^/]+/verify/[^/\s]+$", verifyUrl);
        Assert.Equal(server.BaseAddress.Authority, new Uri(verifyUrl).Authority);

        var verify = await new CertificateVerifyPage(volunteer.Page).OpenAsync(verifyUrl);
        await verify.ExpectLanguageAsync(language);
        await Expect(verify.Heading).ToHaveTextAsync(Cert.In(language, "Verify.Title"));
        await Expect(verify.Result).ToHaveAttributeAsync("data-status", "Genuine");
        await Expect(verify.Result).ToContainTextAsync(Cert.In(language, "VerificationStatus.Genuine"));
        await Expect(verify.Holder).ToHaveTextAsync(volunteerName);
        await Expect(verify.Document).ToContainTextAsync(Cert.In(language, "Kind.License"));
        Assert.False(await verify.HasHorizontalOverflowAsync(), "The verification page scrolls sideways.");
        var verifyShot = await Screenshots.SaveAsync(volunteer.Page, $"training-08-verify-genuine-{language}");

        Assert.Empty(admin.Dialogs);
        Assert.Empty(volunteer.Dialogs);
        Console.WriteLine($"Training journey ({language}): {licensesShot}, {pdfPng}, {verifyShot}");
    }
}
