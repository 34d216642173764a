namespace Athar.Documents.Text;

/// <summary>
/// A stretch of a line that is shaped in one direction: <see cref="Start"/> and <see cref="Length"/> index the
/// line's UTF-16 text; an odd <see cref="Level"/> is right-to-left (Unicode bidi embedding levels 0–2).
/// </summary>
internal readonly record struct DirectionalRun(int Start, int Length, int Level)
{
    public bool IsRightToLeft => Level % 2 == 1;

    public string TextOf(string line) => line.Substring(Start, Length);
}
