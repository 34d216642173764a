using System.Text.RegularExpressions;
using Athar.E2ETests.Infrastructure;
using Athar.E2ETests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Athar.E2ETests.Journeys;

/// <summary>
/// Issue 3's loop through the real pages: an organisation posts an opportunity, a volunteer finds it by
/// an Arabic query spelled differently from the title, applies, is accepted, is checked in and out, and
/// sees the verified hours on the record page. The app's clock is a fake the test moves (08:00 → 12:05
/// Saudi time), so the shift really starts and two hours really pass inside it.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class VolunteeringLoopTests(BrowserFixture browser, FakeClockServer server) : IClassFixture<FakeClockServer>
{
    private const string TitleAr = "مساندة زوار مستشفى النور";
    private const string TitleEn = "Supporting visitors at Al Noor Hospital";

    // "مستشفى" as it is often typed: the final alef maqsura (ى) written as yaa (ي).
    private const string VariantQuery = "مستشفي";

    // Seeded by the demo data, in English: the English search below looks for it.
    private const string DemoHospitalTitleEn = "Volunteering at King Abdulaziz Hospital";

    private static readonly TimeOnly ShiftStart = new(10, 0);
    private static readonly TimeOnly ShiftEnd = new(14, 0);
    private static readonly TimeOnly CheckInAt = new(10, 5);
    private static readonly TimeOnly CheckOutAt = new(12, 5);
    private const int Seats = 4;
    private const int HoursWorked = 2;

    [Fact]
    public async Task Loop_OrganisationPostsOpportunity_VolunteerFindsItBySpellingVariant_AppliesIsAcceptedChecksInAndOut_SeesVerifiedHours()
    {
        var organizationId = await server.QueryAsync(db => db.Organizations
            .Where(o => o.RegistrationNumber == TestPeople.DemoOrganizationRegistration)
            .Select(o => o.Id)
            .SingleAsync());
        var today = server.SaudiToday;
        Assert.Equal(FakeClockServer.Start, server.Clock.GetUtcNow());

        // 1–2. The organisation's admin posts the opportunity as a draft, then publishes it.
        await using var staff = await browser.OpenAsync(server);
        var staffLogin = await new LoginPage(staff.Page).OpenAsync();
        await staffLogin.SignInAsync(TestPeople.DemoOrganizationAdmin, TestPeople.DemoPassword);

        var form = await new OpportunityFormPage(staff.Page).OpenNewAsync(organizationId);
        await form.ExpectLanguageAsync("ar");
        Assert.True(await form.IsStyledAsync(), "The opportunity form is unstyled.");
        await Expect(form.Heading).ToHaveTextAsync(Texts.Opportunities.Ar("Form.Create.Title"));
        await form.FillAsync(new OpportunityForm
        {
            TitleAr = TitleAr,
            TitleEn = TitleEn,
            StartDate = today,
            EndDate = today,
            Shifts = [new ShiftRow(today, ShiftStart, ShiftEnd, Seats)],
            AutoAccept = false,
        });
        await Screenshots.SaveAsync(staff.Page, "loop-01-opportunity-form-ar");
        await form.SaveAsync();

        var opportunities = new OrganizationOpportunitiesPage(staff.Page);
        Assert.Equal($"/org/{organizationId}/opportunities", opportunities.Path);
        await Expect(form.FormErrors).ToHaveCountAsync(0);
        await Expect(opportunities.Done).ToHaveTextAsync(Texts.Opportunities.Ar("Done.Created"));
        await Expect(opportunities.Item(TitleAr)).ToHaveAttributeAsync("data-status", "Draft");
        await Expect(opportunities.StatusBadge(TitleAr)).ToHaveTextAsync(Texts.Opportunities.Ar("Status.Draft"));
        await Screenshots.SaveAsync(staff.Page, "loop-02-opportunity-draft-ar");

        await opportunities.PublishAsync(TitleAr);
        await Expect(opportunities.Done).ToHaveTextAsync(Texts.Opportunities.Ar("Done.Published"));
        await Expect(opportunities.Item(TitleAr)).ToHaveAttributeAsync("data-status", "Published");
        await Expect(opportunities.StatusBadge(TitleAr)).ToHaveTextAsync(Texts.Opportunities.Ar("Status.Published"));
        await Screenshots.SaveAsync(staff.Page, "loop-03-opportunity-published-ar");

        // 3. The volunteer, in a browser of her own, finds it by the variant spelling and applies.
        await using var volunteer = await browser.OpenAsync(server);
        var login = await new LoginPage(volunteer.Page).OpenAsync();
        await login.SignInAsync(TestPeople.DemoVolunteer, TestPeople.DemoPassword);
        var record = await new RecordPage(volunteer.Page).OpenAsync();
        var hoursBefore = Texts.ParseArabicDigits(await record.Total.InnerTextAsync());

        var search = await new SearchPage(volunteer.Page).OpenAsync();
        await search.ExpectLanguageAsync("ar");
        await Expect(search.Heading).ToHaveTextAsync(Texts.Opportunities.Ar("Search.Title"));
        await search.SearchAsync(VariantQuery);
        Assert.Equal(VariantQuery, await search.Query.InputValueAsync());
        Assert.DoesNotContain(VariantQuery, TitleAr, StringComparison.Ordinal);
        var card = search.Card(TitleAr);
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync(Texts.Opportunities.Ar("Card.SeatsLeft", Texts.ArabicDigits(Seats)));
        await Expect(card).ToContainTextAsync(Texts.Opportunities.Ar("Card.At", Texts.ArabicDigits(OpportunityForm.TimeValue(ShiftStart))));
        await Expect(card).ToContainTextAsync(Texts.Opportunities.Ar("InPerson"));
        Assert.False(await search.HasHorizontalOverflowAsync(), "The search results scroll sideways.");
        await Screenshots.SaveAsync(volunteer.Page, "loop-04-search-variant-spelling-ar");

        var details = await search.OpenCardAsync(TitleAr);
        await details.ExpectLanguageAsync("ar");
        await Expect(details.Title).ToHaveTextAsync(TitleAr);
        await Expect(details.Status).ToHaveTextAsync(Texts.Opportunities.Ar("Status.Published"));
        await Expect(details.Shifts).ToHaveCountAsync(1);
        await Expect(details.Shifts.First).ToContainTextAsync(
            Texts.Opportunities.Ar("TimeRange", Texts.ArabicDigits(OpportunityForm.TimeValue(ShiftStart)), Texts.ArabicDigits(OpportunityForm.TimeValue(ShiftEnd))));
        await Expect(details.ApplyLinks).ToHaveTextAsync(Texts.Opportunities.Ar("Detail.Apply"));
        await Screenshots.SaveAsync(volunteer.Page, "loop-05-opportunity-details-ar");
        var opportunityId = details.Id;

        var apply = await details.FollowApplyLinkAsync();
        Assert.Equal($"/opportunities/{opportunityId}/apply", apply.Path);
        await apply.ExpectLanguageAsync("ar");
        await Expect(apply.Heading).ToContainTextAsync(Texts.Participation.Ar("Apply.Title"));
        await Expect(apply.OpportunityTitle).ToHaveTextAsync(TitleAr);
        await Expect(apply.ShiftChoices).ToHaveCountAsync(1);
        await Expect(apply.ShiftChoices.First).ToBeCheckedAsync();
        await Expect(apply.ShiftLabel(0)).ToContainTextAsync(Texts.Participation.Ar("Apply.SeatsLeft", Texts.ArabicDigits(Seats)));
        await Screenshots.SaveAsync(volunteer.Page, "loop-06-apply-ar");
        await apply.SubmitAsync();

        var applications = new MyApplicationsPage(volunteer.Page);
        Assert.Equal("/me/applications", applications.Path);
        await Expect(applications.StatusAlert).ToHaveTextAsync(Texts.Ar("Participation.Applied"));
        await Expect(applications.Status(TitleAr)).ToHaveTextAsync(Texts.Participation.Ar("ApplicationStatus.Pending"));
        await Screenshots.SaveAsync(volunteer.Page, "loop-07-my-applications-pending-ar");

        // 4. The admin accepts her (the opportunity does not accept automatically).
        var applicants = await new ApplicantsPage(staff.Page).OpenAsync(organizationId);
        await applicants.ExpectLanguageAsync("ar");
        await Expect(applicants.Heading).ToHaveTextAsync(Texts.Participation.Ar("Staff.Applicants"));
        var applicant = applicants.Row(TitleAr, TestPeople.DemoVolunteerNameAr);
        await Expect(applicant).ToHaveCountAsync(1);
        await Expect(ApplicantsPage.StatusCell(applicant)).ToHaveTextAsync(Texts.Participation.Ar("ApplicationStatus.Pending"));
        await Screenshots.SaveAsync(staff.Page, "loop-08-applicants-ar");
        await applicants.AcceptAsync(applicant);
        await Expect(applicants.StatusAlert).ToHaveTextAsync(Texts.Ar("Participation.Saved"));
        await Expect(ApplicantsPage.StatusCell(applicant)).ToHaveTextAsync(Texts.Participation.Ar("ApplicationStatus.Accepted"));
        await Expect(applicants.Group(TitleAr)).ToContainTextAsync(Texts.Participation.Ar("Staff.Seats", Texts.ArabicDigits(1), Texts.ArabicDigits(Seats)));
        await Screenshots.SaveAsync(staff.Page, "loop-09-applicant-accepted-ar");

        // 5. Five minutes into the shift she is checked in on the roster; two hours later, out.
        server.SetSaudiTime(CheckInAt);
        var roster = await new RosterPage(staff.Page).OpenAsync(organizationId);
        await roster.ExpectLanguageAsync("ar");
        await Expect(roster.Heading).ToHaveTextAsync(Texts.Participation.Ar("Staff.Roster"));
        var entry = roster.Entry(TitleAr, TestPeople.DemoVolunteerNameAr);
        await Expect(RosterPage.CheckInButton(entry)).ToHaveTextAsync(Texts.Participation.Ar("Staff.CheckIn"));
        await roster.CheckInAsync(entry);
        await Expect(roster.Page.Locator("main .alert-danger")).Not.ToBeVisibleAsync();
        await Expect(entry).ToContainTextAsync(Texts.Participation.Pattern("ar", "Staff.Present", AtSaudiTime(CheckInAt)));
        await Expect(RosterPage.CheckOutButton(entry)).ToHaveTextAsync(Texts.Participation.Ar("Staff.CheckOut"));
        await Screenshots.SaveAsync(staff.Page, "loop-10-roster-checked-in-ar");

        server.SetSaudiTime(CheckOutAt);
        await roster.OpenAsync(organizationId);
        await roster.CheckOutAsync(entry);
        await Expect(entry).ToContainTextAsync(Texts.Participation.Pattern("ar", "Staff.Left", AtSaudiTime(CheckOutAt)));
        await Expect(RosterPage.CheckInButton(entry)).ToHaveCountAsync(0);
        await Expect(RosterPage.CheckOutButton(entry)).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(staff.Page, "loop-11-roster-checked-out-ar");

        // 6. The hours wait for approval: two hours present, all inside the shift.
        var hours = await new HoursPage(staff.Page).OpenAsync(organizationId);
        await hours.ExpectLanguageAsync("ar");
        await Expect(hours.Heading).ToHaveTextAsync(Texts.Participation.Ar("Staff.Hours"));
        var pending = hours.Row(TitleAr, TestPeople.DemoVolunteerNameAr);
        await Expect(pending).ToHaveCountAsync(1);
        await Expect(HoursPage.StatusBadge(pending)).ToHaveTextAsync(Texts.Participation.Ar("HoursStatus.Pending"));
        var minutes = Texts.ArabicDigits(HoursWorked * 60);
        await Expect(pending).ToContainTextAsync($"{Texts.Participation.Ar("Staff.Attended")}: {minutes} {Texts.Participation.Ar("Staff.Minutes")}");
        await Expect(pending).ToContainTextAsync($"{Texts.Participation.Ar("Staff.Credited")}: {minutes} {Texts.Participation.Ar("Staff.Minutes")}");
        await Screenshots.SaveAsync(staff.Page, "loop-12-hours-pending-ar");
        await hours.ApproveAsync(pending);
        await Expect(hours.StatusAlert).ToHaveTextAsync(Texts.Ar("Participation.Saved"));
        await Expect(pending).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(staff.Page, "loop-13-hours-approved-ar");

        // 7. The volunteer's record now holds the two verified hours; her notifications say so.
        await record.OpenAsync();
        await record.ExpectLanguageAsync("ar");
        await Expect(record.Heading).ToHaveTextAsync(Texts.Participation.Ar("Record.Title"));
        await Expect(RecordPage.Hours(record.Participation(TitleAr))).ToHaveTextAsync(Texts.ArabicDigits(HoursWorked));
        await Expect(record.Total).ToHaveTextAsync(Texts.ArabicDigits(hoursBefore + HoursWorked));
        Assert.True(await record.IsStyledAsync(), "The record page is unstyled.");
        await Screenshots.SaveAsync(volunteer.Page, "loop-14-record-verified-hours-ar");

        await applications.OpenAsync();
        await Expect(applications.Status(TitleAr)).ToHaveTextAsync(Texts.Participation.Ar("ApplicationStatus.Accepted"));
        await Expect(applications.Application(TitleAr)).ToContainTextAsync(Texts.Participation.Pattern("ar", "Mine.CheckedIn", AtSaudiTime(CheckInAt)));
        await Expect(applications.Application(TitleAr)).ToContainTextAsync(Texts.Participation.Pattern("ar", "Mine.CheckedOut", AtSaudiTime(CheckOutAt)));
        await Screenshots.SaveAsync(volunteer.Page, "loop-15-my-applications-attended-ar");

        var notifications = await new NotificationsPage(volunteer.Page).OpenAsync();
        await notifications.ExpectLanguageAsync("ar");
        await Expect(notifications.Heading).ToHaveTextAsync(Texts.Participation.Ar("Notifications.Title"));
        await Expect(notifications.OfKind("ApplicationAccepted").Filter(new() { HasTextString = TitleAr }))
            .ToContainTextAsync(Texts.Participation.Ar("Notification.ApplicationAccepted", TitleAr));
        var approved = notifications.OfKind("HoursApproved").Filter(new() { HasTextString = TitleAr });
        await Expect(approved).ToHaveCountAsync(1);
        // The hours in either digit form: the notice keeps its hours argument in ASCII digits.
        await Expect(approved).ToContainTextAsync(Texts.Participation.Pattern("ar", "Notification.HoursApproved",
            Regex.Escape(TitleAr), $"{HoursWorked}|{Texts.ArabicDigits(HoursWorked)}"));
        await Screenshots.SaveAsync(volunteer.Page, "loop-16-notifications-ar");

        Assert.Empty(staff.Dialogs);
        Assert.Empty(volunteer.Dialogs);
    }

    /// <summary>"{date} HH:mm" as the Arabic pages show a moment: any date, then the Saudi time in Arabic-Indic digits.</summary>
    private static string AtSaudiTime(TimeOnly time) =>
        $".+ {Regex.Escape(Texts.ArabicDigits(OpportunityForm.TimeValue(time)))}";

    [Fact]
    public async Task Search_InEnglish_FindsOpportunityByPlural_DetailsAreLeftToRight_ApplyAsksVisitorToSignIn()
    {
        await using var visitor = await browser.OpenAsync(server);
        var home = await new HomePage(visitor.Page).OpenAsync();
        await home.SwitchLanguageAsync();
        var search = await new SearchPage(visitor.Page).OpenAsync();
        await search.ExpectLanguageAsync("en");
        Assert.True(await search.IsStyledAsync(), "The English search page is unstyled.");
        await Expect(visitor.Page.Locator("link[href*='bootstrap.rtl']")).ToHaveCountAsync(0);
        await Expect(search.Heading).ToHaveTextAsync(Texts.Opportunities.En("Search.Title"));

        // The title says "Hospital": a capitalised plural still finds it.
        await search.SearchAsync("Hospitals");
        var card = search.Card(DemoHospitalTitleEn);
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync(Texts.Opportunities.En("InPerson"));
        await Expect(card).ToContainTextAsync(Texts.Opportunities.Pattern("en", "Card.SeatsLeft", "[0-9]+"));
        await Expect(search.Results).Not.ToContainTextAsync(new Regex("[\u0660-\u0669]"));
        Assert.False(await search.HasHorizontalOverflowAsync(), "The English search results scroll sideways.");
        await Screenshots.SaveAsync(visitor.Page, "search-plural-en");

        var details = await search.OpenCardAsync(DemoHospitalTitleEn);
        var opportunityId = details.Id;
        await details.ExpectLanguageAsync("en");
        await Expect(details.Title).ToHaveTextAsync(DemoHospitalTitleEn);
        await Expect(details.Status).ToHaveTextAsync(Texts.Opportunities.En("Status.Published"));
        await Expect(details.Organization).ToHaveTextAsync("Makkah Neighbourhood Centres Association");
        await Expect(details.Place).ToContainTextAsync("Makkah");
        await Expect(details.Requirements).ToContainTextAsync(Texts.Opportunities.En("Label.RequiredLicense"));
        await Expect(details.Shifts).ToHaveCountAsync(2);
        await Expect(details.Shifts.First).ToContainTextAsync(Texts.Opportunities.En("TimeRange", "08:00", "12:00"));
        await Expect(details.ApplyLinks.First).ToHaveTextAsync(Texts.Opportunities.En("Detail.Apply"));
        await Expect(visitor.Page.Locator("main")).Not.ToContainTextAsync(new Regex("[\u0660-\u0669]"));
        Assert.Equal("ltr", await details.Title.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.False(await details.HasHorizontalOverflowAsync(), "The English details page scrolls sideways.");
        await Screenshots.SaveAsync(visitor.Page, "opportunity-details-en");

        await details.FollowApplyLinkAsync();
        var login = new LoginPage(visitor.Page);
        Assert.Equal("/account/login", login.Path);
        Assert.Contains($"ReturnUrl=%2Fopportunities%2F{opportunityId}%2Fapply", new Uri(visitor.Page.Url).Query, StringComparison.OrdinalIgnoreCase);
        await login.ExpectLanguageAsync("en");
        await Expect(login.Heading).ToHaveTextAsync(Texts.En("Login.Title"));

        Assert.Empty(visitor.Dialogs);
    }
}
