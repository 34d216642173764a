namespace Athar.Documents.Tests;

/// <summary>
/// Where rendered PDFs and PNGs are kept for people to look at: $ATHAR_TEST_ARTIFACTS/documents when set,
/// otherwise TestResults/documents under the test output folder.
/// </summary>
internal static class Artifacts
{
    public static string Folder { get; } = Create();

    public static string Save(string name, byte[] pdf)
    {
        var path = Path.Combine(Folder, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    public static string PngFor(string pdfPath, string suffix = "") =>
        Path.Combine(Folder, Path.GetFileNameWithoutExtension(pdfPath) + suffix + ".png");

    private static string Create()
    {
        var root = Environment.GetEnvironmentVariable("ATHAR_TEST_ARTIFACTS");
        var folder = string.IsNullOrWhiteSpace(root)
            ? Path.Combine(AppContext.BaseDirectory, "TestResults", "documents")
            : Path.Combine(root, "documents");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
