namespace Athar.Documents.Text;

/// <summary>The base direction of a paragraph: Arabic text is right-to-left, English left-to-right.</summary>
internal enum TextDirection
{
    LeftToRight,
    RightToLeft,
}
