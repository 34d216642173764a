using System.Text.RegularExpressions;

namespace Athar.E2ETests.Pages;

/// <summary>/admin/outbox: where a platform admin reads the e-mails and SMS the platform sent.</summary>
public sealed partial class OutboxPage(IPage page) : AtharPage(page)
{
    public async Task<OutboxPage> OpenAsync()
    {
        await GotoAsync("/admin/outbox");
        return this;
    }

    /// <summary>Messages are stored with the canonical +9665XXXXXXXX recipient.</summary>
    public ILocator MessagesTo(string recipient) => Page.Locator($"article.outbox-message[data-recipient='{recipient}']");

    public async Task<string> LatestBodyToAsync(string recipient) =>
        await MessagesTo(recipient).First.Locator(".outbox-body").InnerTextAsync();

    /// <summary>The path and query of the guardian's consent link in an SMS body.</summary>
    public static string GuardianLinkIn(string body)
    {
        var match = GuardianLink().Match(body);
        return match.Success ? match.Value : throw new InvalidOperationException($"No guardian link in: {body}");
    }

    [GeneratedRegex(@"/guardian/confirm\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex GuardianLink();
}
