using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;

namespace Athar.IntegrationTests.Platform;

/// <summary>
/// tools/sbom.sh writes the CycloneDX 1.5 bill of materials (ASVS 15.1.1/15.1.2): every package version the
/// repository pins, NuGet (Directory.Packages.props) and npm (package.json, exact versions), must be in it. The
/// script reads restored assets and lock files only; no package feed or vulnerability database is called.
/// </summary>
public sealed class SbomTests
{
    private static readonly string Root = ResourceFilesTests.FindRepositoryRoot();

    [Fact]
    public async Task SbomScript_WritesCycloneDx15_WithEveryPinnedNuGetAndNpmPackageAtItsVersion()
    {
        var output = Path.Combine(Path.GetTempPath(), $"athar-sbom-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, log) = await RunAsync("bash", Path.Combine(Root, "tools", "sbom.sh"), output);
            Assert.True(exitCode == 0, log);

            using var bom = JsonDocument.Parse(await File.ReadAllTextAsync(output));
            Assert.Equal("CycloneDX", bom.RootElement.GetProperty("bomFormat").GetString());
            Assert.Equal("1.5", bom.RootElement.GetProperty("specVersion").GetString());
            var purls = bom.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("purl").GetString()!).ToHashSet(StringComparer.Ordinal);

            var missing = PinnedNuGet().Select(p => $"pkg:nuget/{p.Id}@{p.Version}")
                .Concat(PinnedNpm().Select(p => $"pkg:npm/{(p.Name.StartsWith('@') ? "%40" + p.Name[1..] : p.Name)}@{p.Version}"))
                .Where(purl => !purls.Contains(purl)).ToList();
            Assert.True(missing.Count == 0, "Pinned packages missing from the SBOM:\n" + string.Join('\n', missing));
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static IEnumerable<(string Id, string Version)> PinnedNuGet() =>
        XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Select(e => ((string)e.Attribute("Include")!, (string)e.Attribute("Version")!));

    private static IEnumerable<(string Name, string Version)> PinnedNpm()
    {
        foreach (var manifest in new[] { "src/Athar.Web/package.json", "src/Athar.Documents/package.json" })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, manifest)));
            foreach (var section in new[] { "dependencies", "devDependencies" })
                if (json.RootElement.TryGetProperty(section, out var packages))
                    foreach (var package in packages.EnumerateObject())
                        yield return (package.Name, package.Value.GetString()!);
        }
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
