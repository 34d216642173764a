using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Athar.Core.Applications;
using Athar.Core.Opportunities;
using Athar.Data.Organizations;
using Athar.Data.Participation;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Opportunities;

/// <summary>Creating, editing and moving an opportunity through its lifecycle through the API, with every refusal.</summary>
public sealed class OpportunityLifecycleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Opportunity_GoesFromDraftToPublishedToClosedToCompleted(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var anonymous = app.Api();

        var created = await admin.PostAsJsonAsync($"/api/v1/organizations/{org}/opportunities", OpportunityData.Body(app, seats: 5));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.ReadJsonAsync();
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/opportunities/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(10, draft.GetProperty("seatsTotal").GetInt32());
        Assert.Equal(2, draft.GetProperty("shifts").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/opportunities/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/opportunities/{id}/publish", null)).StatusCode);
        var published = await (await anonymous.GetAsync($"/api/v1/opportunities/{id}")).ReadJsonAsync();
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.True(published.GetProperty("acceptsApplications").GetBoolean());
        Assert.Equal(app.Clock.GetUtcNow(), published.GetProperty("publishedAt").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/opportunities/{id}/close", null)).StatusCode);
        var closed = await (await anonymous.GetAsync($"/api/v1/opportunities/{id}")).ReadJsonAsync();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.False(closed.GetProperty("acceptsApplications").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/opportunities/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/opportunities/{id}/complete", null)).StatusCode);
        var completed = await (await anonymous.GetAsync($"/api/v1/opportunities/{id}")).ReadJsonAsync();
        Assert.Equal("completed", completed.GetProperty("status").GetString());

        var edit = await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", OpportunityData.Body(app));
        await AssertRefusedAsync(edit, HttpStatusCode.Conflict, "opportunity-not-editable");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Edit_ChangesTheOpportunity_AndKeepsSeatsNextShiftAndSearchTextInStep(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var id = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app));
        var before = await (await admin.GetAsync($"/api/v1/opportunities/{id}")).ReadJsonAsync();
        var shifts = before.GetProperty("shifts").EnumerateArray().ToList();
        var today = OpportunityData.Today(app);
        var marker = OpportunityData.Marker();

        var body = OpportunityData.Body(app, "تنظيف شاطئ جدة " + marker, "Beach clean-up");
        body["regionId"] = 2;
        body["cityId"] = 202;
        body["startDate"] = OpportunityData.Iso(today.AddDays(1));
        body["shifts"] = new List<Dictionary<string, object?>>
        {
            OpportunityData.Shift(DateOnly.Parse(shifts[0].GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture), "08:00", "12:00", 7, shifts[0].GetProperty("id").GetGuid()),
            OpportunityData.Shift(today.AddDays(1), "17:00", "19:30", 3),
        };
        var response = await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await response.ReadJsonAsync();
        Assert.Equal("تنظيف شاطئ جدة " + marker, after.GetProperty("titleAr").GetString());
        Assert.Equal(202, after.GetProperty("cityId").GetInt32());
        Assert.Equal(10, after.GetProperty("seatsTotal").GetInt32());
        var stored = await app.QueryAsync(db => db.Opportunities.Include(o => o.Shifts).SingleAsync(o => o.Id == id));
        Assert.Equal(2, stored.Shifts.Count);
        Assert.Contains(stored.Shifts, s => s.Id == shifts[0].GetProperty("id").GetGuid() && s.Seats == 7 && s.StartTime == new TimeOnly(8, 0));
        Assert.DoesNotContain(stored.Shifts, s => s.Id == shifts[1].GetProperty("id").GetGuid());
        // 17:00 Saudi time is 14:00 UTC.
        var added = stored.Shifts.Single(s => s.Date == today.AddDays(1));
        Assert.Equal(new DateTimeOffset(today.AddDays(1).ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero), added.StartsAt);
        Assert.Equal(added.StartsAt, stored.NextShiftStartsAt);
        Assert.StartsWith(" ", stored.SearchText, StringComparison.Ordinal);
        Assert.EndsWith(" ", stored.SearchText, StringComparison.Ordinal);
        Assert.Contains(" شاطي ", stored.SearchText, StringComparison.Ordinal);
        Assert.Contains(" " + marker + " ", stored.SearchText, StringComparison.Ordinal);
        Assert.Contains(" جده ", stored.SearchText, StringComparison.Ordinal);        // the city, normalised
        Assert.Contains(" association ", stored.SearchText, StringComparison.Ordinal); // the organisation's English name
        Assert.Contains(" ثقافي ", stored.SearchText, StringComparison.Ordinal);       // the field (الثقافي) without its article
        Assert.Equal(OpportunityStatus.Published, stored.Status);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Publish_ByAnOrganizationNotYetVerified_IsRefused(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app, "en");
        await app.QueryAsync(db => db.Organizations.Where(o => o.Id == org).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrganizationStatus.Pending)));
        var id = await OpportunityData.CreateAsync(admin, org, OpportunityData.Body(app));

        var response = await admin.PostAsync($"/api/v1/opportunities/{id}/publish", null);

        var problem = await AssertRefusedAsync(response, HttpStatusCode.Conflict, "organization-not-verified");
        Assert.Equal("Only a verified organisation can publish opportunities.", problem.GetProperty("title").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.Equal(OpportunityStatus.Draft, await app.QueryAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task IllegalTransitions_AreRefused_AndRepeatingAMoveChangesNothing(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var id = await OpportunityData.CreateAsync(admin, org, OpportunityData.Body(app));

        await AssertRefusedAsync(await admin.PostAsync($"/api/v1/opportunities/{id}/close", null), HttpStatusCode.Conflict, "invalid-transition");
        await AssertRefusedAsync(await admin.PostAsync($"/api/v1/opportunities/{id}/complete", null), HttpStatusCode.Conflict, "invalid-transition");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/opportunities/{id}/publish", null)).StatusCode);
        var publishedAt = await app.QueryAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => o.PublishedAt).SingleAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/opportunities/{id}/publish", null)).StatusCode);
        Assert.Equal(publishedAt, await app.QueryAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => o.PublishedAt).SingleAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/opportunities/{id}/cancel", new { reason = "تأجيل المعرض" })).StatusCode);
        await AssertRefusedAsync(await admin.PostAsync($"/api/v1/opportunities/{id}/publish", null), HttpStatusCode.Conflict, "invalid-transition");
        await AssertRefusedAsync(await admin.PostAsync($"/api/v1/opportunities/{id}/complete", null), HttpStatusCode.Conflict, "invalid-transition");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/opportunities/{id}/cancel", new { reason = "تأجيل المعرض" })).StatusCode);
        await AssertRefusedAsync(await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", OpportunityData.Body(app)), HttpStatusCode.Conflict, "opportunity-not-editable");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Publish_WithoutAShiftAhead_IsRefused(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var id = await OpportunityData.CreateAsync(admin, org, OpportunityData.Body(app));
        var past = app.Clock.GetUtcNow().AddDays(-1);
        await app.QueryAsync(db => db.Shifts.Where(s => s.OpportunityId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, past)));

        await AssertRefusedAsync(await admin.PostAsync($"/api/v1/opportunities/{id}/publish", null), HttpStatusCode.Conflict, "no-upcoming-shift");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Edit_ThatWouldStrandAcceptedVolunteers_IsRefusedWithAReason(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app, "en");
        var body = OpportunityData.Body(app, seats: 5);
        var id = await OpportunityData.CreatePublishedAsync(admin, org, body);
        var shifts = await app.QueryAsync(db => db.Shifts.Where(s => s.OpportunityId == id).OrderBy(s => s.StartsAt).ToListAsync());
        await app.QueryAsync(db => db.Shifts.Where(s => s.Id == shifts[0].Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Accepted, 3)));
        var first = shifts[0];
        var second = shifts[1];

        // Removing the shift with three accepted volunteers.
        body["shifts"] = new List<Dictionary<string, object?>> { OpportunityData.Shift(second.Date, "16:00", "20:00", 5, second.Id) };
        var removed = await AssertRefusedAsync(await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", body), HttpStatusCode.Conflict, "shift-has-accepted-volunteers");
        Assert.Contains("3", removed.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Cutting its seats below the three accepted.
        body["shifts"] = new List<Dictionary<string, object?>>
        {
            OpportunityData.Shift(first.Date, "09:00", "13:00", 2, first.Id),
            OpportunityData.Shift(second.Date, "16:00", "20:00", 5, second.Id),
        };
        var cut = await AssertRefusedAsync(await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", body), HttpStatusCode.Conflict, "seats-below-accepted");
        Assert.True(cut.GetProperty("errors").TryGetProperty("shifts[0].seats", out _));

        // Moving it to another time.
        body["shifts"] = new List<Dictionary<string, object?>>
        {
            OpportunityData.Shift(first.Date, "10:00", "13:00", 5, first.Id),
            OpportunityData.Shift(second.Date, "16:00", "20:00", 5, second.Id),
        };
        await AssertRefusedAsync(await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", body), HttpStatusCode.Conflict, "shift-has-accepted-volunteers");

        var unchanged = await app.QueryAsync(db => db.Shifts.Where(s => s.OpportunityId == id).OrderBy(s => s.StartsAt).ToListAsync());
        Assert.Equal(2, unchanged.Count);
        Assert.Equal([5, 5], unchanged.Select(s => s.Seats));
        Assert.Equal(new TimeOnly(9, 0), unchanged[0].StartTime);

        // Exactly the accepted number of seats, and the other shift removed, is fine; Accepted is left alone.
        body["shifts"] = new List<Dictionary<string, object?>> { OpportunityData.Shift(first.Date, "09:00", "13:00", 3, first.Id) };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", body)).StatusCode);
        var kept = await app.QueryAsync(db => db.Shifts.Where(s => s.OpportunityId == id).SingleAsync());
        Assert.Equal((3, 3), (kept.Seats, kept.Accepted));
        Assert.Equal(3, await app.QueryAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => o.SeatsTotal).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Edit_RemovingAShiftWithApplications_IsRefused(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var body = OpportunityData.Body(app);
        var id = await OpportunityData.CreatePublishedAsync(admin, org, body);
        var shifts = await app.QueryAsync(db => db.Shifts.Where(s => s.OpportunityId == id).OrderBy(s => s.StartsAt).ToListAsync());
        var volunteer = await app.CreatePersonAsync([Core.Accounts.Roles.Volunteer]);
        await app.QueryAsync(async db =>
        {
            db.Applications.Add(new Application { Id = Guid.NewGuid(), OpportunityId = id, ShiftId = shifts[1].Id, VolunteerId = volunteer.UserId, Status = ApplicationStatus.Pending, CreatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        body["shifts"] = new List<Dictionary<string, object?>> { OpportunityData.Shift(shifts[0].Date, "09:00", "13:00", 5, shifts[0].Id) };
        await AssertRefusedAsync(await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", body), HttpStatusCode.Conflict, "shift-has-applications");

        Assert.Equal(2, await app.QueryAsync(db => db.Shifts.CountAsync(s => s.OpportunityId == id)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Complete_WhileAcceptedVolunteersWaitForAShift_IsRefused(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var id = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app));
        await app.QueryAsync(db => db.Shifts.Where(s => s.OpportunityId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Accepted, 1)));

        await AssertRefusedAsync(await admin.PostAsync($"/api/v1/opportunities/{id}/complete", null), HttpStatusCode.Conflict, "accepted-volunteers-upcoming");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task BadInput_Answers400_WithFieldErrorsInTheCallersLanguage(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, _, member) = await OpportunityData.OrganizationAsync(app);
        var body = OpportunityData.Body(app);
        var today = OpportunityData.Today(app);
        body["titleAr"] = "  ";
        body["titleEn"] = "<script>alert(1)</script>";
        body["cityId"] = 202;
        body["fieldId"] = 999;
        body["minimumAge"] = 120;
        body["shifts"] = new List<Dictionary<string, object?>>
        {
            OpportunityData.Shift(today.AddDays(30), "09:00", "13:00", 5),   // outside the dates
            OpportunityData.Shift(today.AddDays(3), "13:00", "09:00", 5),    // ends before it starts
            OpportunityData.Shift(today.AddDays(3), "14:00", "18:00", 0),    // no seats
            OpportunityData.Shift(today.AddDays(4), "09:00", "12:00", 5),
            OpportunityData.Shift(today.AddDays(4), "11:00", "14:00", 5),    // overlaps the one before
            OpportunityData.Shift(today, "06:00", "08:00", 5),               // already over (10:00 Saudi time now)
        };
        body["startDate"] = OpportunityData.Iso(today);

        foreach (var (language, required, overlap) in new[] { ("ar", "هذا الحقل مطلوب", "تتداخل مع الفترة ٤"), ("en", "This field is required", "overlaps shift 4") })
        {
            var client = await app.ApiAsAsync(member.Email, TestPeople.Password, language);
            var response = await client.PostAsJsonAsync($"/api/v1/organizations/{org}/opportunities", body);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ReadJsonAsync();
            Assert.Equal("validation", problem.GetProperty("code").GetString());
            var codes = problem.GetProperty("errorCodes");
            Assert.Equal("Field.Required", codes.GetProperty("titleAr")[0].GetString());
            Assert.Equal("Text.Unsafe", codes.GetProperty("titleEn")[0].GetString());
            Assert.Equal("City.NotInRegion", codes.GetProperty("cityId")[0].GetString());
            Assert.Equal("Opportunity.FieldUnknown", codes.GetProperty("fieldId")[0].GetString());
            Assert.Equal("Opportunity.MinimumAgeRange", codes.GetProperty("minimumAge")[0].GetString());
            Assert.Equal("Shift.OutsideDates", codes.GetProperty("shifts[0].date")[0].GetString());
            Assert.Equal("Shift.EndBeforeStart", codes.GetProperty("shifts[1].endTime")[0].GetString());
            Assert.Equal("Shift.SeatsRange", codes.GetProperty("shifts[2].seats")[0].GetString());
            Assert.Equal("Shift.Overlaps", codes.GetProperty("shifts[4].startTime")[0].GetString());
            Assert.Equal("Shift.InPast", codes.GetProperty("shifts[5].date")[0].GetString());
            var errors = problem.GetProperty("errors");
            Assert.Contains(required, errors.GetProperty("titleAr")[0].GetString(), StringComparison.Ordinal);
            Assert.Contains(overlap, errors.GetProperty("shifts[4].startTime")[0].GetString(), StringComparison.Ordinal);
        }
        Assert.False(await app.QueryAsync(db => db.Opportunities.AnyAsync(o => o.OrganizationId == org)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Create_WithoutShiftsOrDates_Answers400(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var body = OpportunityData.Body(app);
        body["shifts"] = new List<object>();
        body.Remove("endDate");

        var response = await admin.PostAsJsonAsync($"/api/v1/organizations/{org}/opportunities", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = (await response.ReadJsonAsync()).GetProperty("errorCodes");
        Assert.Equal("Opportunity.ShiftsRequired", codes.GetProperty("shifts")[0].GetString());
        Assert.Equal("Field.Required", codes.GetProperty("endDate")[0].GetString());
    }

    internal static async Task<JsonElement> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }
}
