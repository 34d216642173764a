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

    /// <summary>Types the words and clicks the search button (the form is a plain GET).</summary>
    public async Task SearchAsync(string words)
    {
        await Query.FillAsync(words);
        await ClickAndWaitForPageAsync(SubmitButton);
    }

    /// <summary>The result card whose title is exactly <paramref name="title"/>.</summary>
    public ILocator Card(string title) => Cards
        .Filter(new() { Has = Page.Locator("h2 a", new() { HasTextRegex = Exactly(title) }) });

    /// <summary>Opens a result by clicking its title link (the link stretches over its own card only).</summary>
    public async Task<OpportunityDetailsPage> OpenCardAsync(string title)
    {
        await ClickAndWaitForPageAsync(Card(title).Locator("h2 a"));
        return new OpportunityDetailsPage(Page);
    }

    private static System.Text.RegularExpressions.Regex Exactly(string text) =>
        new($"^\\s*{System.Text.RegularExpressions.Regex.Escape(text)}\\s*$");
}
