namespace Athar.E2ETests.Pages;

/// <summary>What every page shares through _Layout: language and direction, the language switch, sign-out, the status alert.</summary>
public abstract class AtharPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Html => Page.Locator("html");

    public ILocator Heading => Page.Locator("main h1").First;

    public ILocator StatusAlert => Page.Locator("main > .alert-success[role=status]");

    public ILocator LanguageSwitch => Page.Locator("#language-switch");

    public ILocator SignOutButton => Page.Locator("#logout");

    public Task<string?> LanguageAsync() => Html.GetAttributeAsync("lang");

    public Task<string?> DirectionAsync() => Html.GetAttributeAsync("dir");

    public string Path => new Uri(Page.Url).AbsolutePath;

    /// <summary>Asserts lang and dir on &lt;html&gt;: "ar" goes with "rtl", "en" with "ltr".</summary>
    public async Task ExpectLanguageAsync(string language)
    {
        await Expect(Html).ToHaveAttributeAsync("lang", language);
        await Expect(Html).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
    }

    /// <summary>Clicks the visible switch (a plain link that sets the culture cookie and comes back here).</summary>
    public async Task SwitchLanguageAsync()
    {
        var before = await LanguageAsync();
        await ClickAndWaitForPageAsync(LanguageSwitch);
        await Expect(Html).Not.ToHaveAttributeAsync("lang", before ?? string.Empty);
    }

    public Task SignOutAsync() => ClickAndWaitForPageAsync(SignOutButton);

    /// <summary>
    /// True when the app's own stylesheet and Bootstrap are applied (the navbar is Athar green and
    /// Bootstrap's container is centred); false for an unstyled page whose static assets were not served.
    /// </summary>
    public Task<bool> IsStyledAsync() => Page.EvaluateAsync<bool>(
        """
        () => {
            const nav = document.querySelector('.athar-navbar');
            const container = document.querySelector('main.container');
            return !!nav && getComputedStyle(nav).backgroundColor === 'rgb(11, 110, 79)'
                && !!container && getComputedStyle(container).marginLeft === getComputedStyle(container).marginRight
                && getComputedStyle(container).paddingLeft !== '0px';
        }
        """);

    /// <summary>Whether the page is wider than the viewport (sideways scrolling).</summary>
    public Task<bool> HasHorizontalOverflowAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

    public Task<int[]> ScrollAndClientWidthAsync() =>
        Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");

    /// <summary>Every page of this app is a full document load (no client-side routing): wait for the next one.</summary>
    protected async Task ClickAndWaitForPageAsync(ILocator target)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage p) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            Page.Load -= OnLoad;
        }
    }

    /// <summary>The keyboard way to the next page: a key (Enter) pressed on a focused field or link.</summary>
    protected async Task PressAndWaitForPageAsync(ILocator target, string key)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage p) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await target.PressAsync(key);
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            Page.Load -= OnLoad;
        }
    }

    protected async Task GotoAsync(string pathAndQuery)
    {
        var response = await Page.GotoAsync(pathAndQuery);
        if (response is null)
            throw new InvalidOperationException($"No response for {pathAndQuery}.");
    }
}
