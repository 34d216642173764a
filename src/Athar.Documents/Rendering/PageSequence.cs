using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>
/// Flows blocks of known height down a column, starting a new page when a block does not fit. Drawing is
/// deferred, so the page count is known before the first page is written (for "page 1 of 3" footers).
/// </summary>
internal sealed class PageSequence
{
    private readonly List<List<Action<SKCanvas>>> _pages = [];
    private readonly float _top;
    private readonly float _bottom;
    private readonly Action<PageSequence>? _onContinuationPage;

    public PageSequence(float top, float bottom, Action<PageSequence>? onContinuationPage = null)
    {
        _top = top;
        _bottom = bottom;
        _onContinuationPage = onContinuationPage;
        _pages.Add([]);
        Cursor = top;
    }

    public float Cursor { get; private set; }

    public int PageCount => _pages.Count;

    /// <summary>Runs when a table or block moves to a new page (e.g. to repeat the table's header row).</summary>
    public Action? OnNextPage { get; set; }

    public bool Fits(float height) => Cursor + height <= _bottom;

    /// <summary>Places a block at the cursor, on a new page if it does not fit here; <paramref name="draw"/> gets its top.</summary>
    public void Place(float height, Action<SKCanvas, float> draw)
    {
        if (!Fits(height) && Cursor > _top)
        {
            NewPage();
        }

        var top = Cursor;
        _pages[^1].Add(canvas => draw(canvas, top));
        Cursor += height;
    }

    /// <summary>Places a block against the bottom of the page (of a new page if it does not fit under the cursor).</summary>
    public void PlaceAtBottom(float height, Action<SKCanvas, float> draw)
    {
        if (!Fits(height) && Cursor > _top)
        {
            NewPage();
        }

        var top = _bottom - height;
        _pages[^1].Add(canvas => draw(canvas, top));
        Cursor = _bottom;
    }

    public void Skip(float height) => Cursor = Math.Min(Cursor + height, _bottom);

    public void NewPage()
    {
        _pages.Add([]);
        Cursor = _top;
        _onContinuationPage?.Invoke(this);
        OnNextPage?.Invoke();
    }

    public void Draw(SKCanvas canvas, int page)
    {
        foreach (var draw in _pages[page])
        {
            draw(canvas);
        }
    }
}
