namespace Athar.Documents;

/// <summary>
/// A table printed under a certificate's facts, e.g. the rows of an annual hours statement. It may run over
/// several pages; the header row is repeated on each.
/// </summary>
/// <param name="Headers">One header per column; the first column is printed at the right.</param>
/// <param name="Rows">The rows; each has one cell per header. A cell whose English equals its Arabic is printed once.</param>
/// <param name="Total">An optional closing line across the table, e.g. the total hours.</param>
public sealed record DocumentTable(
    IReadOnlyList<BilingualText> Headers,
    IReadOnlyList<IReadOnlyList<BilingualText>> Rows,
    BilingualText? Total = null);
