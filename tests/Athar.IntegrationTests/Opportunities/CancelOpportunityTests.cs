using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Data.Messaging;
using Athar.Data.Participation;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Opportunities;

/// <summary>Cancelling an opportunity cancels its live applications and tells each volunteer, in one transaction.</summary>
public sealed class CancelOpportunityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<Dictionary<ApplicationStatus, (Guid UserId, string Email)>> ApplicantsAsync(AtharAppFactory app, Guid opportunityId, params ApplicationStatus[] statuses)
    {
        var shifts = await app.QueryAsync(db => db.Shifts.Where(s => s.OpportunityId == opportunityId).Select(s => s.Id).ToListAsync());
        var people = new Dictionary<ApplicationStatus, (Guid, string)>();
        foreach (var status in statuses)
        {
            var person = await app.CreatePersonAsync([Roles.Volunteer]);
            people[status] = (person.UserId, person.Email);
        }
        await app.QueryAsync(async db =>
        {
            var i = 0;
            foreach (var (status, (userId, _)) in people)
            {
                db.Applications.Add(new Application
                {
                    Id = Guid.NewGuid(), OpportunityId = opportunityId, ShiftId = shifts[i++ % shifts.Count], VolunteerId = userId,
                    Status = status, CreatedAt = app.Clock.GetUtcNow(),
                });
            }
            return await db.SaveChangesAsync();
        });
        return people;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Cancel_CancelsLiveApplications_AndNotifiesEachVolunteerOnce(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var id = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app, "يوم صحي مفتوح", "Open health day"));
        var people = await ApplicantsAsync(app, id, ApplicationStatus.Accepted, ApplicationStatus.Pending, ApplicationStatus.Waitlisted, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn);
        await app.QueryAsync(db => db.Users.Where(u => u.Id == people[ApplicationStatus.Pending].UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "en")));

        var response = await admin.PostAsJsonAsync($"/api/v1/opportunities/{id}/cancel", new { reason = "تعذّر توفير المكان" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var opportunity = await (await app.Api().GetAsync($"/api/v1/opportunities/{id}")).ReadJsonAsync();
        Assert.Equal("cancelled", opportunity.GetProperty("status").GetString());
        Assert.Equal("تعذّر توفير المكان", opportunity.GetProperty("cancellationReason").GetString());

        var applications = await app.QueryAsync(db => db.Applications.Where(a => a.OpportunityId == id).ToDictionaryAsync(a => a.VolunteerId));
        var live = new[] { ApplicationStatus.Accepted, ApplicationStatus.Pending, ApplicationStatus.Waitlisted };
        foreach (var status in live)
        {
            Assert.Equal(ApplicationStatus.Cancelled, applications[people[status].UserId].Status);
            Assert.Equal("تعذّر توفير المكان", applications[people[status].UserId].Reason);
        }
        Assert.Equal(ApplicationStatus.Rejected, applications[people[ApplicationStatus.Rejected].UserId].Status);
        Assert.Equal(ApplicationStatus.Withdrawn, applications[people[ApplicationStatus.Withdrawn].UserId].Status);

        var everyone = people.Values.Select(p => p.UserId).ToList();
        var notifications = await app.QueryAsync(db => db.Notifications.Where(n => everyone.Contains(n.UserId)).ToListAsync());
        Assert.Equal(live.Select(s => people[s].UserId).Order(), notifications.Select(n => n.UserId).Order());
        Assert.All(notifications, n =>
        {
            Assert.Equal("OpportunityCancelled", n.Kind);
            Assert.Equal("يوم صحي مفتوح|Open health day", n.Arguments);
            Assert.Equal($"/opportunities/{id}", n.Link);
        });

        var mail = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.UserId != null && everyone.Contains(m.UserId.Value)).ToListAsync());
        Assert.Equal(3, mail.Count);
        Assert.All(mail, m => Assert.Equal(MessageChannel.Email, m.Channel));
        var english = Assert.Single(mail, m => m.UserId == people[ApplicationStatus.Pending].UserId);
        Assert.Equal(people[ApplicationStatus.Pending].Email, english.Recipient);
        Assert.Contains("Open health day", english.Subject, StringComparison.Ordinal);
        Assert.Contains($"http://athar.test/opportunities/{id}", english.Body, StringComparison.Ordinal);
        var arabic = Assert.Single(mail, m => m.UserId == people[ApplicationStatus.Accepted].UserId);
        Assert.Contains("يوم صحي مفتوح", arabic.Subject, StringComparison.Ordinal);
        Assert.Contains("تعذّر توفير المكان", arabic.Body, StringComparison.Ordinal);

        // The volunteers' link leads to a page that says what happened.
        var page = await app.Browser().GetStringAsync($"/opportunities/{id}");
        Assert.Contains("تعذّر توفير المكان", page, StringComparison.Ordinal);
        Assert.DoesNotContain("apply-link", page, StringComparison.Ordinal);

        // Cancelling again changes nothing and tells nobody twice.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/opportunities/{id}/cancel", new { reason = "مرة أخرى" })).StatusCode);
        Assert.Equal(3, await app.QueryAsync(db => db.Notifications.CountAsync(n => everyone.Contains(n.UserId))));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Cancel_WithoutAReason_Answers400_AndChangesNothing(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app, "en");
        var id = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app));
        var people = await ApplicantsAsync(app, id, ApplicationStatus.Accepted);

        var response = await admin.PostAsJsonAsync($"/api/v1/opportunities/{id}/cancel", new { reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("Field.Required", problem.GetProperty("errorCodes").GetProperty("reason")[0].GetString());
        Assert.Equal("This field is required.", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(Core.Opportunities.OpportunityStatus.Published, await app.QueryAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
        Assert.Equal(ApplicationStatus.Accepted, await app.QueryAsync(db => db.Applications.Where(a => a.VolunteerId == people[ApplicationStatus.Accepted].UserId).Select(a => a.Status).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CancelForm_OnTheStaffList_CancelsAndSaysSo(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, member) = await OpportunityData.OrganizationAsync(app);
        var id = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app));
        var people = await ApplicantsAsync(app, id, ApplicationStatus.Accepted);
        var browser = await app.BrowserAsAsync(member.Email, TestPeople.Password);

        var response = await browser.PostFormAsync($"/org/{org}/opportunities?handler=Cancel", [new("id", id.ToString()), new("reason", "ظروف الطقس")], tokenFrom: $"/org/{org}/opportunities");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/org/{org}/opportunities", response.Headers.Location?.OriginalString);
        var list = await browser.GetStringAsync($"/org/{org}/opportunities");
        Assert.Contains("أُلغيت الفرصة وأُبلغ المتطوعون.", list, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == people[ApplicationStatus.Accepted].UserId && n.Kind == "OpportunityCancelled")));
    }
}
