namespace Athar.E2ETests.Pages;

/// <summary>/record: the volunteer's record (السجل التطوعي), verified hours only.</summary>
public sealed class RecordPage(IPage page) : AtharPage(page)
{
    public ILocator Total => Page.Locator("#record-total");

    public ILocator Participations => Page.Locator("#record-participations tbody tr");

    public async Task<RecordPage> OpenAsync()
    {
        await GotoAsync("/record");
        return this;
    }

    public ILocator Participation(string title) => Participations
        .Filter(new() { Has = Page.Locator("a", new() { HasTextString = title }) });

    public static ILocator Hours(ILocator participation) => participation.Locator("td.record-hours");
}
