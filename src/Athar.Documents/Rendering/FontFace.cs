namespace Athar.Documents.Rendering;

/// <summary>The typefaces a document can use: Amiri (formal Naskh with matching Latin) and Cairo (sans).</summary>
internal enum FontFace
{
    Naskh,
    NaskhBold,
    Sans,
    SansBold,
}
