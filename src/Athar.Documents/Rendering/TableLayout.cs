using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>
/// Places a <see cref="DocumentTable"/> on a <see cref="PageSequence"/>: the first column at the right (the document
/// reads right to left), column widths from the content, each cell in Arabic with the English under it when it
/// differs, the header row repeated on every page the table reaches.
/// </summary>
internal sealed class TableLayout
{
    private const float Padding = 4;
    private const float MinimumColumn = 40;

    private readonly Typesetter _type;
    private readonly PageSequence _pages;
    private readonly DocumentTable _table;
    private readonly float _left;
    private readonly float _width;
    private readonly TableStyles _styles;
    private readonly float[] _columnWidths;

    public TableLayout(Typesetter typesetter, PageSequence pages, DocumentTable table, float left, float width, TableStyles styles)
    {
        _type = typesetter;
        _pages = pages;
        _table = table;
        _left = left;
        _width = width;
        _styles = styles;
        _columnWidths = ColumnWidths();
    }

    public void Place()
    {
        if (_table.Headers.Count == 0)
        {
            return;
        }

        var header = LayoutRow(_table.Headers, _styles.HeaderArabic, _styles.HeaderEnglish, alwaysBoth: true);
        var first = _table.Rows.Count > 0 ? LayoutRow(_table.Rows[0], _styles.CellArabic, _styles.CellEnglish, false) : null;
        if (!_pages.Fits(header.Height + (first?.Height ?? 0)))
        {
            _pages.NewPage();
        }

        PlaceRow(header, Palette.Green);
        _pages.OnNextPage = () => PlaceRow(header, Palette.Green);
        for (var i = 0; i < _table.Rows.Count; i++)
        {
            var row = i == 0 && first is not null ? first : LayoutRow(_table.Rows[i], _styles.CellArabic, _styles.CellEnglish, false);
            PlaceRow(row, i % 2 == 1 ? Palette.Zebra : Palette.White);
        }

        _pages.OnNextPage = null;
        if (_table.Total is { } total)
        {
            PlaceTotal(total);
        }

        _pages.Skip(14);
    }

    private sealed record RowLayout(IReadOnlyList<(Paragraph Arabic, Paragraph? English)> Cells, float Height);

    private RowLayout LayoutRow(IReadOnlyList<BilingualText> cells, TextStyle arabic, TextStyle english, bool alwaysBoth)
    {
        var laidOut = new List<(Paragraph, Paragraph?)>();
        for (var column = 0; column < _columnWidths.Length; column++)
        {
            var cell = column < cells.Count ? cells[column] : new BilingualText("", "");
            var inner = _columnWidths[column] - (2 * Padding);
            var arabicText = _type.LayoutArabic(cell.Arabic, arabic, inner, TextAlignment.Centre);
            var showEnglish = alwaysBoth || !string.Equals(cell.Arabic, cell.English, StringComparison.Ordinal);
            var englishText = showEnglish && cell.English.Length > 0
                ? _type.LayoutEnglish(cell.English, english, inner, TextAlignment.Centre)
                : null;
            laidOut.Add((arabicText, englishText));
        }

        var height = laidOut.Max(c => c.Item1.Height + (c.Item2?.Height ?? 0)) + (2 * Padding);
        return new RowLayout(laidOut, height);
    }

    private void PlaceRow(RowLayout row, SKColor background)
    {
        _pages.Place(row.Height, (canvas, top) =>
        {
            Drawing.Fill(canvas, SKRect.Create(_left, top, _width, row.Height), background);
            var right = _left + _width;
            for (var column = 0; column < row.Cells.Count; column++)
            {
                var cellLeft = right - _columnWidths[column];
                var (arabic, english) = row.Cells[column];
                var contentHeight = arabic.Height + (english?.Height ?? 0);
                var y = top + ((row.Height - contentHeight) / 2);
                arabic.Draw(canvas, cellLeft + Padding, y);
                english?.Draw(canvas, cellLeft + Padding, y + arabic.Height);
                if (column > 0)
                {
                    Drawing.Line(canvas, right, top, right, top + row.Height, Palette.Hairline, 0.5f);
                }

                right = cellLeft;
            }

            Drawing.Line(canvas, _left, top + row.Height, _left + _width, top + row.Height, Palette.Hairline, 0.5f);
        });
    }

    private void PlaceTotal(BilingualText total)
    {
        const float half = 0.5f;
        var arabic = _type.LayoutArabic(total.Arabic, _styles.TotalArabic, (_width * half) - (2 * Padding));
        var english = _type.LayoutEnglish(total.English, _styles.TotalEnglish, (_width * half) - (2 * Padding));
        var height = Math.Max(arabic.Height, english.Height) + (2 * Padding);
        _pages.Place(height, (canvas, top) =>
        {
            Drawing.Line(canvas, _left, top, _left + _width, top, Palette.Green, 1.2f);
            arabic.Draw(canvas, _left + (_width * half) + Padding, top + Padding);
            english.Draw(canvas, _left + Padding, top + Padding + ((arabic.Height - english.Height) / 2));
            Drawing.Line(canvas, _left, top + height, _left + _width, top + height, Palette.Green, 1.2f);
        });
    }

    // Columns narrower than an equal share keep their natural width; the wide ones share what is left in
    // proportion to their natural widths. If everything fits, all columns grow in proportion.
    private float[] ColumnWidths()
    {
        var count = _table.Headers.Count;
        var natural = new float[count];
        for (var column = 0; column < count; column++)
        {
            var cells = _table.Rows.Select(r => column < r.Count ? r[column] : null).OfType<BilingualText>();
            natural[column] = Math.Max(MinimumColumn, cells.Append(_table.Headers[column])
                .Max(c => Math.Max(
                    _type.Measure(c.Arabic, _styles.HeaderArabic, Text.TextDirection.RightToLeft),
                    _type.Measure(c.English, _styles.CellEnglish, Text.TextDirection.LeftToRight))) + (2 * Padding) + 2);
        }

        var total = natural.Sum();
        if (total <= _width)
        {
            return natural.Select(n => n * _width / total).ToArray();
        }

        var widths = new float[count];
        var open = Enumerable.Range(0, count).ToList();
        var remaining = _width;
        bool settled;
        do
        {
            settled = true;
            var share = remaining / open.Count;
            foreach (var column in open.Where(c => natural[c] <= share).ToList())
            {
                widths[column] = natural[column];
                remaining -= natural[column];
                open.Remove(column);
                settled = false;
            }
        }
        while (!settled && open.Count > 0);

        var openNatural = open.Sum(c => natural[c]);
        foreach (var column in open)
        {
            widths[column] = remaining * natural[column] / openNatural;
        }

        return widths;
    }
}
