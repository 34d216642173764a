using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Audit;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Accounts;

/// <summary>
/// A signed-in person moves their account to another e-mail address (/account/email, POST /api/v1/me/email): the
/// current password first, a link to the new address, a notice to the old one, the change only when the link is used.
/// </summary>
public sealed class EmailChangeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static string NewAddress() => $"moved-{Guid.NewGuid():N}@test.athar";

    private static Task<List<(string Recipient, string Body)>> MailAsync(AtharAppFactory app, Guid userId) =>
        app.QueryAsync(async db => (await db.OutboxMessages.Where(m => m.UserId == userId).Select(m => new { m.Recipient, m.Body }).ToListAsync())
            .Select(m => (m.Recipient, m.Body)).ToList());

    private static Task<string?> EmailOfAsync(AtharAppFactory app, Guid userId) =>
        app.QueryAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync());

    private static async Task<HttpStatusCode> SignInStatusAsync(AtharAppFactory app, string email) =>
        (await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = email, password = TestPeople.Password })).StatusCode;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Api_WithAWrongOrMissingPassword_IsRefused_AndNothingIsSent(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var api = await app.ApiAsAsync(person.Email, TestPeople.Password);
        var before = (await MailAsync(app, person.UserId)).Count;

        var wrong = await api.PostAsJsonAsync("/api/v1/me/email", new { newEmail = NewAddress(), currentPassword = "Not-The-Password-1" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("Identity.PasswordMismatch", (await wrong.ReadJsonAsync()).GetProperty("errorCodes").GetProperty("currentPassword")[0].GetString());
        var missing = await api.PostAsJsonAsync("/api/v1/me/email", new { newEmail = NewAddress() });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var invalid = await api.PostAsJsonAsync("/api/v1/me/email", new { newEmail = "not-an-address", currentPassword = TestPeople.Password });
        Assert.Equal("Email.Invalid", (await invalid.ReadJsonAsync()).GetProperty("errorCodes").GetProperty("newEmail")[0].GetString());

        Assert.Equal(before, (await MailAsync(app, person.UserId)).Count);
        Assert.Equal(person.Email, await EmailOfAsync(app, person.UserId));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Api_SendsALinkToTheNewAddress_AndANoticeToTheOld_TheAddressChangesOnlyByTheLink_WhichWorksOnce(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var otherDevice = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        var api = await app.ApiAsAsync(person.Email, TestPeople.Password);
        var address = NewAddress();

        var asked = await api.PostAsJsonAsync("/api/v1/me/email", new { newEmail = address, currentPassword = TestPeople.Password });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(person.Email, await EmailOfAsync(app, person.UserId));
        var mail = await MailAsync(app, person.UserId);
        Assert.Contains(mail, m => m.Recipient == person.Email && m.Body.Contains(address, StringComparison.Ordinal) && m.Body.Contains("/account/forgot-password", StringComparison.Ordinal));
        Assert.DoesNotContain(mail, m => m.Recipient == person.Email && m.Body.Contains("confirm-email-change", StringComparison.Ordinal));
        var link = await EmailChangeLinks.SentToAsync(app, address);

        Assert.Equal(HttpStatusCode.BadRequest, (await EmailChangeLinks.ConfirmOnApiAsync(app, link with { Email = NewAddress() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await EmailChangeLinks.ConfirmOnApiAsync(app, link with { Code = link.Code[..^4] + "AAAA" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await EmailChangeLinks.ConfirmOnApiAsync(app, link)).StatusCode);

        Assert.Equal(address, await EmailOfAsync(app, person.UserId));
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(app, address));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(app, person.Email));
        Assert.Equal(HttpStatusCode.BadRequest, (await EmailChangeLinks.ConfirmOnApiAsync(app, link)).StatusCode);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.EmailChanged && e.PersonId == person.UserId && e.ActorId == person.UserId)));
        // A sign-in identifier changed: the sessions opened before it end.
        Assert.Equal(HttpStatusCode.Redirect, (await otherDevice.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me/sessions")).StatusCode);
        // The person's data download shows the new address.
        var fresh = await app.ApiAsAsync(address, TestPeople.Password);
        Assert.Contains(address, await fresh.GetStringAsync("/api/v1/me/data"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ExpiredLink_IsRefused_AndTheAddressStays(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var api = await app.ApiAsAsync(person.Email, TestPeople.Password);
        var address = NewAddress();
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync("/api/v1/me/email", new { newEmail = address, currentPassword = TestPeople.Password })).StatusCode);
        var link = await EmailChangeLinks.SentToAsync(app, address);

        app.Clock.Advance(TimeSpan.FromHours(25));

        Assert.Equal(HttpStatusCode.BadRequest, (await EmailChangeLinks.ConfirmOnApiAsync(app, link)).StatusCode);
        Assert.Equal(person.Email, await EmailOfAsync(app, person.UserId));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TakenAddress_GetsTheSameAnswer_OnTheApiAndThePage_ItsOwnerIsTold_AndNoLinkIsSent(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var owner = await app.CreatePersonAsync([Roles.Volunteer]);
        var api = await app.ApiAsAsync(person.Email, TestPeople.Password);
        var browser = await app.BrowserAsAsync(person.Email, TestPeople.Password, language: "en");

        var free = await api.PostAsJsonAsync("/api/v1/me/email", new { newEmail = NewAddress(), currentPassword = TestPeople.Password });
        var taken = await api.PostAsJsonAsync("/api/v1/me/email", new { newEmail = owner.Email.ToUpperInvariant(), currentPassword = TestPeople.Password });
        Assert.Equal(free.StatusCode, taken.StatusCode);
        Assert.Equal(await free.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        var onPage = await browser.PostFormAsync("/account/email", [new("NewEmail", owner.Email), new("CurrentPassword", TestPeople.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, onPage.StatusCode);
        Assert.Equal("/profile", onPage.Headers.Location?.OriginalString);
        Assert.Contains("If the new address can be used", await browser.GetStringAsync("/profile"), StringComparison.Ordinal);

        var toOwner = (await MailAsync(app, owner.UserId)).Where(m => m.Body.Contains("another Athar account", StringComparison.Ordinal) || m.Body.Contains("حساب آخر", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, toOwner.Count);
        Assert.All(toOwner, m => Assert.Equal(owner.Email, m.Recipient));
        Assert.False(await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == owner.Email && m.Body.Contains("confirm-email-change"))));
        Assert.Equal(person.Email, await EmailOfAsync(app, person.UserId));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Page_AsksForThePassword_ThenTheLinksButtonChangesTheAddress_InArabicAndEnglish(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var browser = await app.BrowserAsAsync(person.Email, TestPeople.Password, language: "en");
        var address = NewAddress();

        var form = await browser.GetStringAsync("/account/email");
        Assert.Contains("Change e-mail address", form, StringComparison.Ordinal);
        var wrong = await browser.PostFormAsync("/account/email", [new("NewEmail", address), new("CurrentPassword", "Not-The-Password-1")]);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The password is not correct.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == address)));
        var withoutToken = await browser.PostAsync("/account/email", new FormUrlEncodedContent([new("NewEmail", address), new("CurrentPassword", TestPeople.Password)]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        var asked = await browser.PostFormAsync("/account/email", [new("NewEmail", address), new("CurrentPassword", TestPeople.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var link = await EmailChangeLinks.SentToAsync(app, address);
        var path = $"/account/confirm-email-change?userId={link.UserId}&email={Uri.EscapeDataString(link.Email)}&code={link.Code}";

        // Opening the link changes nothing (mail scanners follow links); its button does. The link opens signed out, in Arabic.
        var arabic = app.Browser("ar");
        var shown = await arabic.GetStringAsync(path);
        Assert.Contains("استخدم هذا العنوان", shown, StringComparison.Ordinal);
        Assert.Equal(person.Email, await EmailOfAsync(app, person.UserId));
        var confirmed = await arabic.PostFormAsync(path, [new("UserId", link.UserId.ToString()), new("Email", link.Email), new("Code", link.Code)]);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("تم تغيير بريدك الإلكتروني", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(address, await EmailOfAsync(app, person.UserId));

        var again = await app.Browser("en").PostFormAsync(path, [new("UserId", link.UserId.ToString()), new("Email", link.Email), new("Code", link.Code)]);
        Assert.Contains("This link cannot be used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
