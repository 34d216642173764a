namespace Athar.E2ETests.Pages;

/// <summary>/notifications: the in-app notices, newest first, rendered in the reader's language.</summary>
public sealed class NotificationsPage(IPage page) : AtharPage(page)
{
    public ILocator Items => Page.Locator("#notifications li.notification");

    public async Task<NotificationsPage> OpenAsync()
    {
        await GotoAsync("/notifications");
        return this;
    }

    /// <summary>Notices of one kind, e.g. "ApplicationAccepted", "HoursApproved".</summary>
    public ILocator OfKind(string kind) => Page.Locator($"#notifications li.notification[data-kind='{kind}']");
}
