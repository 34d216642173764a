namespace Athar.Core.Import;

/// <summary>
/// The first row of a file matched to a kind's template: where each template column sits. Extra columns
/// (notes, internal numbers) are ignored; a missing required column or a column named twice is a problem of the file.
/// </summary>
public sealed class ImportHeader
{
    private readonly int[] _positions;

    private ImportHeader(IReadOnlyList<ImportColumn> columns, int[] positions)
    {
        Columns = columns;
        _positions = positions;
    }

    public IReadOnlyList<ImportColumn> Columns { get; }

    public static ImportHeader Match(ImportKind kind, IReadOnlyList<string?> headerCells, List<ImportProblem> problems)
    {
        var columns = ImportTemplates.For(kind);
        var positions = Enumerable.Repeat(-1, columns.Count).ToArray();
        for (var cell = 0; cell < headerCells.Count; cell++)
        {
            var key = ImportColumn.HeaderKey(headerCells[cell]);
            if (key.Length == 0)
                continue;
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                if (key != ImportColumn.HeaderKey(column.English) && key != ImportColumn.HeaderKey(column.Arabic) && key != ImportColumn.HeaderKey(column.Key))
                    continue;
                if (positions[c] >= 0)
                    problems.Add(new ImportProblem(1, column.Key, "Column.Duplicate"));
                else
                    positions[c] = cell;
            }
        }
        for (var c = 0; c < columns.Count; c++)
        {
            if (positions[c] < 0 && columns[c].Required)
                problems.Add(new ImportProblem(1, columns[c].Key, "Column.Missing"));
        }
        return new ImportHeader(columns, positions);
    }

    /// <summary>The row's cells in template order, trimmed; null for an empty or absent cell.</summary>
    public ImportRow Read(int rowNumber, IReadOnlyList<string?> cells)
    {
        var values = new string?[_positions.Length];
        for (var c = 0; c < _positions.Length; c++)
        {
            var p = _positions[c];
            var text = p >= 0 && p < cells.Count ? cells[p]?.Trim() : null;
            values[c] = string.IsNullOrEmpty(text) ? null : text;
        }
        return new ImportRow(rowNumber, Columns, values);
    }
}

/// <summary>One data row: its spreadsheet row number and its cells by template column key.</summary>
public sealed class ImportRow(int number, IReadOnlyList<ImportColumn> columns, string?[] values)
{
    public int Number { get; } = number;

    public string? this[string key]
    {
        get
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Key == key)
                    return values[i];
            }
            throw new ArgumentException($"No template column '{key}'.", nameof(key));
        }
    }

    public bool IsEmpty => values.All(v => v is null);
}
