namespace Athar.Documents.Rendering;

/// <summary>Horizontal placement of each line in its box.</summary>
internal enum TextAlignment
{
    Left,
    Centre,
    Right,
}
