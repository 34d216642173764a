namespace Athar.E2ETests.Pages;

/// <summary>/opportunities: the public search, free text plus filters, results as cards.</summary>
public sealed class SearchPage(IPage page) : AtharPage(page)
{
    public ILocator Query => Page.Locator("#q");

    public ILocator SubmitButton => Page.Locator("#search-submit");

    public ILocator Results => Page.Locator("#search-results");

    public ILocator Cards => Page.Locator("article.opportunity-card");

    public ILocator Empty => Page.Locator("#search-empty");

    public async Task<SearchPage> OpenAsync()
    {
        await GotoAsync("/opportunities");
        return this;
    }

    /// <summary>Types the words and presses Enter, as most people search (the form is a plain GET).</summary>
    public async Task SearchAsync(string words)
    {
        await Query.FillAsync(words);
        await PressAndWaitForPageAsync(Query, "Enter");
    }

    /// <summary>The result card whose title is exactly <paramref name="title"/>.</summary>
    public ILocator Card(string title) => Cards
        .Filter(new() { Has = Page.Locator("h2 a", new() { HasTextRegex = Exactly(title) }) });

    /// <summary>Opens a result from its title link, by keyboard (Enter on the focused link).</summary>
    public async Task<OpportunityDetailsPage> OpenCardAsync(string title)
    {
        await PressAndWaitForPageAsync(Card(title).Locator("h2 a"), "Enter");
        return new OpportunityDetailsPage(Page);
    }

    private static System.Text.RegularExpressions.Regex Exactly(string text) =>
        new($"^\\s*{System.Text.RegularExpressions.Regex.Escape(text)}\\s*$");
}
