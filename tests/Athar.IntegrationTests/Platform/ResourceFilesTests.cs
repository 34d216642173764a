using System.Xml.Linq;

namespace Athar.IntegrationTests.Platform;

public sealed class ResourceFilesTests
{
    private static string Localization => Path.Combine(FindRepositoryRoot(), "src", "Athar.Web", "Localization");

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Localization, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void ArabicAndEnglishResources_HaveTheSameKeys()
    {
        var english = Keys("SharedResource.resx");
        var arabic = Keys("SharedResource.ar.resx");

        Assert.Empty(english.Except(arabic));
        Assert.Empty(arabic.Except(english));
    }

    [Fact]
    public void EveryKeyUsedByThePagesExistsInTheResources()
    {
        var keys = Keys("SharedResource.resx");
        var pages = Directory.EnumerateFiles(Path.Combine(FindRepositoryRoot(), "src", "Athar.Web", "Features"), "*.cshtml", SearchOption.AllDirectories);
        var used = pages.SelectMany(p => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(p), "T\\[\"([A-Za-z0-9.\\-]+)\"\\]").Select(m => m.Groups[1].Value)).ToHashSet();

        Assert.Empty(used.Except(keys));
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Athar.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
