namespace Athar.Core.Import;

/// <summary>
/// One problem in an import file. <see cref="Row"/> is the spreadsheet's own row number (the header is
/// row 1), 0 for the file as a whole; <see cref="Column"/> is the template column's key, null when the
/// problem is the row's or the file's. <see cref="Code"/> is a stable resource key of ImportMessages.
/// </summary>
public sealed record ImportProblem(int Row, string? Column, string Code, params object[] Arguments)
{
    public static ImportProblem File(string code, params object[] arguments) => new(0, null, code, arguments);
}
