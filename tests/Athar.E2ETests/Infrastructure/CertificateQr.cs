using System.Diagnostics;

namespace Athar.E2ETests.Infrastructure;

/// <summary>
/// Reads a downloaded PDF the way a person checking it would: its first page rendered to an image
/// (poppler's pdftoppm), then the QR code on it decoded (zbar's zbarimg).
/// </summary>
public static class CertificateQr
{
    /// <summary>Renders the PDF's first page to {pngPathWithoutExtension}.png at 80 dpi; returns the PNG's path.</summary>
    public static async Task<string> RenderFirstPageAsync(string pdfPath, string pngPathWithoutExtension)
    {
        await RunAsync("pdftoppm", "-png", "-r", "80", "-singlefile", pdfPath, pngPathWithoutExtension);
        var png = pngPathWithoutExtension + ".png";
        Assert.True(File.Exists(png), $"pdftoppm wrote no {png}.");
        return png;
    }

    /// <summary>The text of the QR code in an image; zbarimg fails (exit 4) when it finds none.</summary>
    public static async Task<string> DecodeAsync(string pngPath) =>
        (await RunAsync("zbarimg", "--raw", "-q", pngPath)).Trim();

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
