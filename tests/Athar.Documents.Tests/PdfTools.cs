using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Athar.Documents.Tests;

/// <summary>
/// The command-line tools the tests read PDFs with: pdftotext, pdftoppm and pdfinfo (apt poppler-utils) and
/// zbarimg (apt zbar-tools). A missing tool fails the test; it never skips.
/// </summary>
internal static class PdfTools
{
    /// <summary>The text of every page, laid out physically (<c>pdftotext -layout</c>) unless <paramref name="raw"/>.</summary>
    public static string ExtractText(string pdfPath, bool raw = false) =>
        Run("pdftotext", "poppler-utils", raw ? ["-enc", "UTF-8", "-raw", pdfPath, "-"] : ["-enc", "UTF-8", "-layout", pdfPath, "-"]);

    public static string Info(string pdfPath) => Run("pdfinfo", "poppler-utils", ["-isodates", pdfPath]);

    public static int PageCount(string pdfPath)
    {
        var info = Info(pdfPath);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    public static string PageSize(string pdfPath)
    {
        return Info(pdfPath).Split('\n').Single(l => l.StartsWith("Page size:", StringComparison.Ordinal))["Page size:".Length..].Trim();
    }

    /// <summary>Renders page <paramref name="page"/> (1-based) to <paramref name="pngPath"/> at the given resolution.</summary>
    public static void RenderPng(string pdfPath, string pngPath, int page = 1, int dpi = 80)
    {
        var prefix = pngPath[..^".png".Length];
        Run("pdftoppm", "poppler-utils", [
            "-png", "-r", dpi.ToString(CultureInfo.InvariantCulture),
            "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture),
            "-singlefile", pdfPath, prefix]);
        Assert.True(File.Exists(pngPath), $"pdftoppm wrote no {pngPath}");
    }

    /// <summary>The payloads of the barcodes zbarimg finds in an image, one per line.</summary>
    public static string DecodeQr(string pngPath) => Run("zbarimg", "zbar-tools", ["--raw", "-q", pngPath]).Trim();

    private static string Run(string tool, string aptPackage, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"'{tool}' is not installed; these tests need it: apt-get install -y {aptPackage} (test.sh installs it).", e);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
            return output;
        }
    }
}
