namespace Athar.E2ETests.Infrastructure;

/// <summary>One visitor's browser context and tab; records every JavaScript dialog so a test can prove none opened.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _dialogs = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        Page.Dialog += (_, dialog) =>
        {
            lock (_dialogs)
                _dialogs.Add($"{dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Dialogs
    {
        get
        {
            lock (_dialogs)
                return [.. _dialogs];
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
