using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>The typefaces documents are set in, loaded once from the <c>fonts/</c> folder next to the app.</summary>
internal sealed class DocumentFonts
{
    // The build copies these from npm (src/Athar.Documents/package.json) to fonts/ of every referencing output.
    private const string AmiriRegular = "Amiri_400Regular.ttf";
    private const string AmiriBold = "Amiri_700Bold.ttf";
    private const string CairoRegular = "Cairo_400Regular.ttf";
    private const string CairoBold = "Cairo_700Bold.ttf";

    private static readonly Lazy<DocumentFonts> Loaded = new(() => Load(Path.Combine(AppContext.BaseDirectory, "fonts")));

    private readonly Dictionary<FontFace, SKTypeface> _typefaces;

    private DocumentFonts(Dictionary<FontFace, SKTypeface> typefaces) => _typefaces = typefaces;

    public static DocumentFonts Shared => Loaded.Value;

    public SKTypeface this[FontFace face] => _typefaces[face];

    internal static DocumentFonts Load(string folder)
    {
        var files = new Dictionary<FontFace, string>
        {
            [FontFace.Naskh] = AmiriRegular,
            [FontFace.NaskhBold] = AmiriBold,
            [FontFace.Sans] = CairoRegular,
            [FontFace.SansBold] = CairoBold,
        };
        var missing = files.Values.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException(
                $"Athar.Documents cannot render PDFs: the font file(s) {string.Join(", ", missing)} are missing from " +
                $"'{folder}'. The Athar.Documents build copies them there from npm (src/Athar.Documents/package.json, " +
                "npm ci); build or publish the app that references Athar.Documents instead of copying its DLL alone.",
                Path.Combine(folder, missing[0]));
        }

        var typefaces = files.ToDictionary(
            pair => pair.Key,
            pair => SKTypeface.FromFile(Path.Combine(folder, pair.Value))
                ?? throw new InvalidDataException($"'{Path.Combine(folder, pair.Value)}' is not a font Skia can read."));
        return new DocumentFonts(typefaces);
    }
}
