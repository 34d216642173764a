using System.Net;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Opportunities;

/// <summary>The pages: staff forms without JavaScript, the public search and detail pages, in Arabic and English.</summary>
public sealed class OpportunityPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static List<KeyValuePair<string, string>> Form(AtharAppFactory app, string titleAr, string seats = "6")
    {
        var day = OpportunityData.Iso(OpportunityData.Today(app).AddDays(5));
        return
        [
            new("Input.TitleAr", titleAr),
            new("Input.TitleEn", "Mosque cleaning"),
            new("Input.DescriptionAr", "تنظيف المسجد وتعطيره قبل صلاة الجمعة."),
            new("Input.FieldId", "9"),
            new("Input.Type", "General"),
            new("Input.RegionId", "3"),
            new("Input.CityId", "301"),
            new("Input.StartDate", day),
            new("Input.EndDate", day),
            new("Input.Shifts[0].Date", day),
            new("Input.Shifts[0].StartTime", "07:30"),
            new("Input.Shifts[0].EndTime", "10:00"),
            new("Input.Shifts[0].Seats", seats),
            new("Input.Shifts[1].Date", ""),
            new("Input.Shifts[1].StartTime", ""),
            new("Input.Shifts[1].EndTime", ""),
            new("Input.Shifts[1].Seats", ""),
            new("Input.Gender", "Male"),
            new("Input.MinimumAge", "15"),
            new("Input.RequiredLicense", "None"),
            new("Input.AllowsMinors", "true"),
            new("Input.AllowsMinors", "false"),
            new("Input.IsRemote", "false"),
            new("Input.AutoAccept", "false"),
        ];
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CreateForm_SavesADraft_IgnoringBlankShiftRows(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var browser = await app.BrowserAsAsync(admin.Email, TestPeople.Password);
        var page = await browser.GetStringAsync($"/org/{org}/opportunities/new");
        Assert.Contains("فرصة تطوعية جديدة", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Shifts[2].Date\"", page, StringComparison.Ordinal);

        var response = await browser.PostFormAsync($"/org/{org}/opportunities/new", Form(app, "تنظيف مسجد قباء"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/org/{org}/opportunities", response.Headers.Location?.OriginalString);
        var stored = await app.QueryAsync(db => db.Opportunities.Include(o => o.Shifts).SingleAsync(o => o.OrganizationId == org));
        Assert.Equal("تنظيف مسجد قباء", stored.Title.Ar);
        Assert.Equal(Core.Opportunities.GenderRequirement.Male, stored.Gender);
        Assert.True(stored.AllowsMinors);
        var shift = Assert.Single(stored.Shifts);
        Assert.Equal((new TimeOnly(7, 30), 6), (shift.StartTime, shift.Seats));
        Assert.Equal(6, stored.SeatsTotal);
        var list = await browser.GetStringAsync($"/org/{org}/opportunities");
        Assert.Contains("تنظيف مسجد قباء", list, StringComparison.Ordinal);
        Assert.Contains("حُفظت الفرصة كمسودة", list, StringComparison.Ordinal);
        Assert.Contains("مسودة", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "ar", "هذا الحقل مطلوب.", "يجب أن تنتهي الفترة بعد بدايتها.")]
    [InlineData(TestDatabase.Sqlite, "en", "This field is required.", "The shift must end after it starts.")]
    [InlineData(TestDatabase.Postgres, "ar", "هذا الحقل مطلوب.", "يجب أن تنتهي الفترة بعد بدايتها.")]
    [InlineData(TestDatabase.Postgres, "en", "This field is required.", "The shift must end after it starts.")]
    public async Task CreateForm_WithBadInput_ShowsFieldMessagesInThePagesLanguage(TestDatabase database, string language, string required, string shiftEnds)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var browser = await app.BrowserAsAsync(admin.Email, TestPeople.Password, language);
        var form = Form(app, "");
        form.RemoveAll(f => f.Key is "Input.Shifts[1].Date" or "Input.Shifts[1].StartTime" or "Input.Shifts[1].EndTime" or "Input.Shifts[1].Seats");
        form.Add(new("Input.Shifts[1].Date", OpportunityData.Iso(OpportunityData.Today(app).AddDays(5))));
        form.Add(new("Input.Shifts[1].StartTime", "12:00"));
        form.Add(new("Input.Shifts[1].EndTime", "11:00"));
        form.Add(new("Input.Shifts[1].Seats", "3"));

        var response = await browser.PostFormAsync($"/org/{org}/opportunities/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"form-errors\"", html, StringComparison.Ordinal);
        Assert.Matches("data-valmsg-for=\"Input.TitleAr\"[^>]*>" + System.Text.RegularExpressions.Regex.Escape(required), html);
        Assert.Matches("data-valmsg-for=\"Input.Shifts\\[1\\].EndTime\"[^>]*>" + System.Text.RegularExpressions.Regex.Escape(shiftEnds), html);
        Assert.False(await app.QueryAsync(db => db.Opportunities.AnyAsync(o => o.OrganizationId == org)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CreateForm_MoreRowsButton_AddsShiftRowsWithoutSaving(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var browser = await app.BrowserAsAsync(admin.Email, TestPeople.Password);

        var response = await browser.PostFormAsync($"/org/{org}/opportunities/new?handler=AddRows", Form(app, "صفوف"), tokenFrom: $"/org/{org}/opportunities/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Input.Shifts[6].Date\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"صفوف\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Opportunities.AnyAsync(o => o.OrganizationId == org)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task EditForm_RefusesToStrandAcceptedVolunteers_AndSaysWhichShift(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, member) = await OpportunityData.OrganizationAsync(app);
        var id = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app, seats: 5));
        var shifts = await app.QueryAsync(db => db.Shifts.Where(s => s.OpportunityId == id).OrderBy(s => s.StartsAt).ToListAsync());
        await app.QueryAsync(db => db.Shifts.Where(s => s.Id == shifts[1].Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Accepted, 4)));
        var browser = await app.BrowserAsAsync(member.Email, TestPeople.Password);
        var edit = WebUtility.HtmlDecode(await browser.GetStringAsync($"/opportunities/{id}/edit"));
        Assert.Contains($"value=\"{shifts[1].Id}\"", edit, StringComparison.Ordinal);

        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.TitleAr", "مساعدة في تنظيم معرض الكتاب"),
            new("Input.DescriptionAr", "وصف"),
            new("Input.FieldId", "5"), new("Input.Type", "General"), new("Input.RegionId", "1"), new("Input.CityId", "101"),
            new("Input.StartDate", OpportunityData.Iso(shifts[0].Date)), new("Input.EndDate", OpportunityData.Iso(shifts[1].Date)),
            new("Input.Gender", "Any"), new("Input.RequiredLicense", "None"),
        };
        for (var i = 0; i < 2; i++)
        {
            form.Add(new($"Input.Shifts[{i}].Id", shifts[i].Id.ToString()));
            form.Add(new($"Input.Shifts[{i}].Date", OpportunityData.Iso(shifts[i].Date)));
            form.Add(new($"Input.Shifts[{i}].StartTime", shifts[i].StartTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Input.Shifts[{i}].EndTime", shifts[i].EndTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Input.Shifts[{i}].Seats", i == 1 ? "2" : "5"));
        }

        var cut = await browser.PostFormAsync($"/opportunities/{id}/edit", form);

        Assert.Equal(HttpStatusCode.OK, cut.StatusCode);
        var html = WebUtility.HtmlDecode(await cut.Content.ReadAsStringAsync());
        Assert.Contains("لا يمكن أن تقل المقاعد عن عدد المتطوعين المقبولين.", html, StringComparison.Ordinal);
        Assert.Matches("data-valmsg-for=\"Input.Shifts\\[1\\].Seats\"[^>]*>قُبل ٤ من المتطوعين", html);

        // Ticking "remove" on that shift is refused too; the other edit goes through once the seats are kept.
        form.Add(new("RemoveRows", "1"));
        var removed = WebUtility.HtmlDecode(await (await browser.PostFormAsync($"/opportunities/{id}/edit", form)).Content.ReadAsStringAsync());
        Assert.Contains("هذا التعديل يترك متطوعين مقبولين دون فترتهم.", removed, StringComparison.Ordinal);

        form.RemoveAll(f => f.Key is "RemoveRows" or "Input.Shifts[1].Seats");
        form.Add(new("Input.Shifts[1].Seats", "4"));
        var saved = await browser.PostFormAsync($"/opportunities/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(4, await app.QueryAsync(db => db.Shifts.Where(s => s.Id == shifts[1].Id).Select(s => s.Seats).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task StaffList_PublishesAndCloses_AndShowsRefusals(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, member) = await OpportunityData.OrganizationAsync(app, "en");
        var id = await OpportunityData.CreateAsync(admin, org, OpportunityData.Body(app));
        var browser = await app.BrowserAsAsync(member.Email, TestPeople.Password, "en");
        var list = $"/org/{org}/opportunities";

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync($"{list}?handler=Publish", [new("id", id.ToString())], tokenFrom: list)).StatusCode);
        Assert.Contains("The opportunity is published.", await browser.GetStringAsync(list), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync($"{list}?handler=Close", [new("id", id.ToString())], tokenFrom: list)).StatusCode);
        var closed = await browser.GetStringAsync(list);
        Assert.Contains("Applications are closed.", closed, StringComparison.Ordinal);
        Assert.Contains("Reopen", closed, StringComparison.Ordinal);

        await app.QueryAsync(db => db.Shifts.Where(s => s.OpportunityId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Accepted, 1)));
        await browser.PostFormAsync($"{list}?handler=Complete", [new("id", id.ToString())], tokenFrom: list);
        var refused = WebUtility.HtmlDecode(await browser.GetStringAsync(list));
        Assert.Contains("Accepted volunteers are still waiting for a shift", refused, StringComparison.Ordinal);
        Assert.Equal(Core.Opportunities.OpportunityStatus.Closed, await app.QueryAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DetailPage_ShowsTheOpportunityInEachLanguage_WithDualDatesAndApplyLinks(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var id = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app));
        var shifts = await app.QueryAsync(db => db.Shifts.Where(s => s.OpportunityId == id).OrderBy(s => s.StartsAt).Select(s => s.Id).ToListAsync());

        var arabic = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/opportunities/{id}"));
        var english = WebUtility.HtmlDecode(await app.Browser("en").GetStringAsync($"/opportunities/{id}"));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic, StringComparison.Ordinal);
        Assert.Contains("مساعدة في تنظيم معرض الكتاب", arabic, StringComparison.Ordinal);
        Assert.Contains("جمعية الاختبار", arabic, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organizations/{org}\"", arabic, StringComparison.Ordinal);
        Assert.Contains("٢٦ نوفمبر ٢٠٢٦ م", arabic, StringComparison.Ordinal);
        Assert.Contains("هـ)", arabic, StringComparison.Ordinal);
        Assert.Contains("من ٠٩:٠٠ إلى ١٣:٠٠", arabic, StringComparison.Ordinal);
        Assert.Contains("الرياض — الرياض", arabic, StringComparison.Ordinal);
        foreach (var shift in shifts)
            Assert.Contains($"/opportunities/{id}/apply?shiftId={shift}", arabic, StringComparison.Ordinal);

        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", english, StringComparison.Ordinal);
        Assert.Contains("Book fair volunteering", english, StringComparison.Ordinal);
        Assert.Contains("Test Association", english, StringComparison.Ordinal);
        Assert.Contains("26 November 2026", english, StringComparison.Ordinal);
        Assert.Contains("AH)", english, StringComparison.Ordinal);
        Assert.Contains("09:00 – 13:00", english, StringComparison.Ordinal);
        Assert.Contains("Apply", english, StringComparison.Ordinal);

        await admin.PostAsync($"/api/v1/opportunities/{id}/close", null);
        var closed = await app.Browser("en").GetStringAsync($"/opportunities/{id}");
        Assert.Contains("not accepting applications", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("apply-link", closed, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SearchPage_FindsByAnotherSpelling_AndPagesWithoutJavaScript(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, _, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var ids = await SearchData.InsertAsync(app, org, Enumerable.Range(0, 21).Select(i => new SearchData.Spec($"مستشفى الولادة {m}", $"Maternity hospital {m}") { ShiftDays = [1 + i % 3] }));
        var browser = app.Browser();

        var first = WebUtility.HtmlDecode(await browser.GetStringAsync("/opportunities?q=" + Uri.EscapeDataString($"مستشفي {m}")));

        Assert.Contains("<form method=\"get\" action=\"/opportunities\"", first, StringComparison.Ordinal);
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Count(first, "class=\"athar-card p-3 h-100 d-flex flex-column opportunity-card\""));
        var next = System.Text.RegularExpressions.Regex.Match(first, "id=\"search-next\" rel=\"next\" href=\"([^\"]+)\"");
        Assert.True(next.Success);
        var second = WebUtility.HtmlDecode(await browser.GetStringAsync(next.Groups[1].Value));
        var shown = System.Text.RegularExpressions.Regex.Matches(first + second, "data-id=\"([0-9a-f-]{36})\"").Select(x => Guid.Parse(x.Groups[1].Value)).ToList();
        Assert.Equal(ids.Order(), shown.Order());
        Assert.DoesNotContain("search-next", second, StringComparison.Ordinal);

        var english = await app.Browser("en").GetStringAsync("/opportunities?q=" + Uri.EscapeDataString($"hospitals {m}") + "&sort=mostSeats");
        Assert.Contains($"Maternity hospital {m}", english, StringComparison.Ordinal);
        Assert.Contains("seats left", english, StringComparison.Ordinal);

        var none = await browser.GetStringAsync("/opportunities?q=" + Uri.EscapeDataString($"مدرسة {m}") + "&sort=nonsense");
        Assert.Contains("id=\"search-empty\"", none, StringComparison.Ordinal);
        Assert.Contains("id=\"search-invalid\"", none, StringComparison.Ordinal);
    }
}
