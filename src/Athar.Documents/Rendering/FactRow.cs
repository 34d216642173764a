using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>
/// One fact set across a box: the Arabic label and value on the right half (label at the right edge), the
/// English label and value on the left half (label at the left edge), so both languages line up row by row.
/// </summary>
internal sealed class FactRow
{
    private readonly Paragraph _arabicLabel;
    private readonly Paragraph _arabicValue;
    private readonly Paragraph _englishLabel;
    private readonly Paragraph _englishValue;
    private readonly FactColumns _columns;

    public FactRow(Typesetter typesetter, DocumentFact fact, TextStyle label, TextStyle value, TextStyle englishLabel, TextStyle englishValue, FactColumns columns)
    {
        _columns = columns;
        _arabicLabel = typesetter.LayoutArabic(fact.Label.Arabic, label, columns.LabelWidth);
        _arabicValue = typesetter.LayoutArabic(fact.Value.Arabic, value, columns.ValueWidth);
        _englishLabel = typesetter.LayoutEnglish(fact.Label.English, englishLabel, columns.LabelWidth);
        _englishValue = typesetter.LayoutEnglish(fact.Value.English, englishValue, columns.ValueWidth);
        Height = new[] { _arabicLabel, _arabicValue, _englishLabel, _englishValue }.Max(p => p.Height) + (2 * columns.Padding);
    }

    public float Height { get; }

    /// <summary>Draws the row with its top at <paramref name="top"/>, a hairline under it and between the halves.</summary>
    public void Draw(SKCanvas canvas, float top, float lineWidth)
    {
        var (left, right, padding) = (_columns.Left, _columns.Right, _columns.Padding);
        _arabicLabel.Draw(canvas, right - _columns.LabelWidth, top + padding);
        _arabicValue.Draw(canvas, right - _columns.HalfWidth, top + padding);
        _englishLabel.Draw(canvas, left, top + padding);
        _englishValue.Draw(canvas, left + _columns.LabelWidth + _columns.LabelGap, top + padding);
        Drawing.Line(canvas, left, top + Height, right, top + Height, Palette.Hairline, lineWidth);
        Drawing.Line(canvas, (left + right) / 2, top + padding, (left + right) / 2, top + Height - padding, Palette.Hairline, lineWidth);
    }
}

/// <summary>The geometry of <see cref="FactRow"/>s: the box, the gap between halves, each half's label column.</summary>
internal sealed record FactColumns(float Left, float Right, float Gutter, float LabelWidth, float LabelGap, float Padding)
{
    public float HalfWidth => (Right - Left - Gutter) / 2;

    public float ValueWidth => HalfWidth - LabelWidth - LabelGap;
}
