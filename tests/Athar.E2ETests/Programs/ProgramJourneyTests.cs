using System.Globalization;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Opportunities;
using Athar.Data.Participation;
using Athar.E2ETests.Infrastructure;
using Athar.E2ETests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.E2ETests.Programs;

/// <summary>
/// Programs through the real pages: the demo organisation's admin creates a program with targets, links a
/// published opportunity on the program page, approves a volunteer's pending hours on the staff hours page,
/// and the program's progress shows the volunteer, the hours and the percentages of the targets.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ProgramJourneyTests(BrowserFixture browser, FakeClockServer server) : IClassFixture<FakeClockServer>
{
    private static readonly TextSource P = new("Athar.Web.Features.Programs.ProgramsText");
    private const int Minutes = 180;

    [Fact]
    public Task Program_InArabic_CreatedWithTargets_OpportunityLinked_ProgressChangesWhenHoursAreVerified() => JourneyAsync("ar");

    [Fact]
    public Task Program_InEnglish_CreatedWithTargets_OpportunityLinked_ProgressChangesWhenHoursAreVerified() => JourneyAsync("en");

    private async Task JourneyAsync(string language)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var titleAr = $"برنامج أحياء مكة التطوعي {suffix}";
        var opportunityTitle = $"فرز السلال الغذائية {suffix}";
        var today = server.SaudiToday;
        var (organizationId, opportunityId) = await PendingHoursAsync(opportunityTitle, today.AddDays(-1));
        string N(decimal value, int decimals = 0) => language == "ar"
            ? Texts.ArabicDigits(value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.GetCultureInfo("ar-SA")))
            : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.GetCultureInfo("en"));

        // 1. The organisation's admin creates the program with its targets.
        await using var staff = await browser.OpenAsync(server);
        var login = await new LoginPage(staff.Page).OpenAsync();
        if (language == "en")
            await login.SwitchLanguageAsync();
        await login.SignInAsync(TestPeople.DemoOrganizationAdmin, TestPeople.DemoPassword);
        var edit = await new ProgramEditPage(staff.Page).OpenNewAsync();
        await edit.ExpectLanguageAsync(language);
        await Expect(edit.Heading).ToHaveTextAsync(P.In(language, "Programs.New"));
        await edit.FillAsync(titleAr, "برنامج لتحفيز سكان الأحياء على التطوع.", today.AddDays(-9), today.AddDays(80), "Active", (4, 10, 12, 500), "تحفيز المتطوعين");
        await Screenshots.SaveAsync(staff.Page, $"programs-01-form-{language}");
        await edit.SaveAsync();

        var details = new ProgramDetailsPage(staff.Page);
        Assert.Matches("^/programs/[0-9a-f-]{36}$", details.Path);
        await Expect(details.Title).ToHaveTextAsync(titleAr);
        await Expect(details.Cell("UniqueVolunteers", "actual")).ToHaveTextAsync(N(0));
        await Expect(details.Cell("UniqueVolunteers", "target")).ToHaveTextAsync(N(4));
        await Expect(details.Cell("Opportunities", "actual")).ToHaveTextAsync(N(0));

        // 2. She links the published opportunity from the program page.
        await details.LinkAsync(opportunityId);
        await Expect(details.StatusAlert).ToHaveTextAsync(P.In(language, "Programs.Linked"));
        await Expect(details.LinkedRows.Filter(new() { HasTextString = opportunityTitle })).ToHaveCountAsync(1);
        await Expect(details.Cell("Opportunities", "actual")).ToHaveTextAsync(N(1));
        await Expect(details.Cell("Opportunities", "percent")).ToHaveTextAsync(P.In(language, "Progress.PercentValue", N(10, 2)));
        await Expect(details.Cell("VerifiedHours", "actual")).ToHaveTextAsync(Texts.In(language, "Unit.Hours", N(0)));
        var programId = details.ProgramId;

        // 3. She approves the volunteer's hours on the staff hours page.
        var hours = await new HoursPage(staff.Page).OpenAsync(organizationId);
        var row = hours.Rows.Filter(new() { HasTextString = opportunityTitle });
        await Expect(row).ToHaveCountAsync(1);
        await hours.ApproveAsync(row);

        // 4. The program's progress now counts the volunteer and the three hours.
        await details.OpenAsync(programId);
        await Expect(details.Cell("UniqueVolunteers", "actual")).ToHaveTextAsync(N(1));
        await Expect(details.Cell("UniqueVolunteers", "percent")).ToHaveTextAsync(P.In(language, "Progress.PercentValue", N(25, 2)));
        await Expect(details.Cell("VerifiedHours", "actual")).ToHaveTextAsync(Texts.In(language, "Unit.Hours", N(Minutes / 60)));
        await Expect(details.Cell("VerifiedHours", "percent")).ToHaveTextAsync(P.In(language, "Progress.PercentValue", N(25, 2)));
        // Ten of ninety days elapsed: three hours so far project to twenty-seven.
        await Expect(details.Cell("VerifiedHours", "projected")).ToContainTextAsync(Texts.In(language, "Unit.Hours", N(27)));
        Assert.True(await details.FitsWidthAsync(), "The program page overflows sideways.");
        await Screenshots.SaveAsync(staff.Page, $"programs-02-progress-{language}");

        // The same page on a phone: the table scrolls inside its box, the page does not.
        await staff.Page.SetViewportSizeAsync(390, 844);
        Assert.True(await details.FitsWidthAsync(), "The program page overflows sideways on a phone.");
        await Screenshots.SaveAsync(staff.Page, $"programs-03-phone-{language}");
    }

    /// <summary>A published opportunity of the demo organisation and the demo volunteer's computed hours there, awaiting approval.</summary>
    private async Task<(Guid OrganizationId, Guid OpportunityId)> PendingHoursAsync(string title, DateOnly date)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        var organizationId = await db.Organizations.Where(o => o.RegistrationNumber == TestPeople.DemoOrganizationRegistration).Select(o => o.Id).SingleAsync();
        var volunteerId = await db.Users.Where(u => u.Email == "volunteer2@athar.local").Select(u => u.Id).SingleAsync();
        var now = server.Clock.GetUtcNow();
        var saudi = FakeClockServer.SaudiOffset;
        var shift = new Shift
        {
            Id = Guid.NewGuid(), Date = date, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0), Seats = 5, Accepted = 1,
            StartsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), saudi).ToUniversalTime(),
            EndsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), saudi).ToUniversalTime(),
        };
        var opportunity = new Opportunity
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Title = new LocalizedText(title, title), Description = new LocalizedText("فرز السلال وتعبئتها.", "Sorting food baskets."),
            FieldId = 3, RegionId = 2, CityId = 201, Status = OpportunityStatus.Published, StartDate = date, EndDate = date,
            CreatedAt = now.AddDays(-3), PublishedAt = now.AddDays(-3), SeatsTotal = 5, SeatsTaken = 1, ExpectedBeneficiaries = 50, Shifts = [shift],
        };
        shift.OpportunityId = opportunity.Id;
        var application = new Application { Id = Guid.NewGuid(), OpportunityId = opportunity.Id, ShiftId = shift.Id, VolunteerId = volunteerId, Status = ApplicationStatus.Accepted, CreatedAt = now.AddDays(-3), DecidedAt = now.AddDays(-3) };
        var attendance = new AttendanceRecord
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, ShiftId = shift.Id, VolunteerId = volunteerId,
            CheckInAt = shift.StartsAt, CheckInMethod = CheckMethod.Supervisor, CheckOutAt = shift.EndsAt, CheckOutMethod = CheckMethod.Supervisor,
        };
        db.Opportunities.Add(opportunity);
        db.Applications.Add(application);
        db.Attendance.Add(attendance);
        db.VolunteerHours.Add(new VolunteerHours
        {
            Id = Guid.NewGuid(), AttendanceId = attendance.Id, VolunteerId = volunteerId, OrganizationId = organizationId, OpportunityId = opportunity.Id, ShiftId = shift.Id,
            FieldId = 3, RegionId = 2, Date = date, AttendedMinutes = Minutes, CreditedMinutes = Minutes, Status = HoursStatus.Pending, CreatedAt = shift.EndsAt,
        });
        await db.SaveChangesAsync();
        return (organizationId, opportunity.Id);
    }
}
