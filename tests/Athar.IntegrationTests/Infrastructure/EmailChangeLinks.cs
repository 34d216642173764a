using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Infrastructure;

/// <summary>The e-mail change link as the outbox sent it to the new address: the account, the address and the code.</summary>
public static partial class EmailChangeLinks
{
    public static async Task<(Guid UserId, string Email, string Code)> SentToAsync(AtharAppFactory app, string address)
    {
        var body = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Recipient == address).Select(m => m.Body).SingleAsync());
        var link = ConfirmationLink().Match(body);
        Assert.True(link.Success, body);
        return (Guid.Parse(link.Groups[1].Value), Uri.UnescapeDataString(link.Groups[2].Value), link.Groups[3].Value);
    }

    /// <summary>Uses the link on the API, as the confirmation page's button does.</summary>
    public static Task<HttpResponseMessage> ConfirmOnApiAsync(AtharAppFactory app, (Guid UserId, string Email, string Code) link) =>
        app.Api().PostAsJsonAsync("/api/v1/auth/confirm-email-change", new { userId = link.UserId, email = link.Email, code = link.Code });

    [GeneratedRegex(@"/account/confirm-email-change\?userId=([0-9a-f-]{36})&email=([^&\s]+)&code=([A-Za-z0-9_-]+)")]
    private static partial Regex ConfirmationLink();
}
