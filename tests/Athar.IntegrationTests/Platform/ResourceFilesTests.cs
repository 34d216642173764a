using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Athar.IntegrationTests.Platform;

/// <summary>
/// Every string exists in both languages. The shared strings live in Localization/SharedResource and
/// are used in pages as T["key"]; a feature's own strings live beside it in &lt;Feature&gt;Text.resx
/// and are used as L["key"].
/// </summary>
public sealed partial class ResourceFilesTests
{
    private static string Web => Path.Combine(FindRepositoryRoot(), "src", "Athar.Web");

    private static HashSet<string> Keys(string path) =>
        XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> EnglishResources()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Web, "*.resx", SearchOption.AllDirectories).Where(f => !f.EndsWith(".ar.resx", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
            data.Add(Path.GetRelativePath(Web, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(EnglishResources))]
    public void ArabicAndEnglishResources_HaveTheSameKeys(string englishFile)
    {
        var english = Keys(Path.Combine(Web, englishFile));
        var arabicPath = Path.Combine(Web, englishFile[..^".resx".Length] + ".ar.resx");
        Assert.True(File.Exists(arabicPath), $"{englishFile} has no Arabic counterpart");
        var arabic = Keys(arabicPath);

        Assert.Empty(english.Except(arabic));
        Assert.Empty(arabic.Except(english));
    }

    [Fact]
    public void EveryKeyUsedByThePagesExistsInTheResources()
    {
        var shared = Keys(Path.Combine(Web, "Localization", "SharedResource.resx"));
        var missing = new List<string>();
        foreach (var page in Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(page);
            missing.AddRange(SharedKey().Matches(text).Select(m => m.Groups[1].Value).Where(k => !shared.Contains(k)).Select(k => $"{Path.GetFileName(page)}: T[{k}]"));
            var featureResource = Directory.EnumerateFiles(Path.GetDirectoryName(page)!, "*Text.resx").FirstOrDefault();
            var local = featureResource is null ? [] : Keys(featureResource);
            missing.AddRange(FeatureKey().Matches(text).Select(m => m.Groups[1].Value).Where(k => !local.Contains(k)).Select(k => $"{Path.GetFileName(page)}: L[{k}]"));
        }
        Assert.Empty(missing);
    }

    [GeneratedRegex("\\bT\\[\"([A-Za-z0-9.\\-]+)\"\\]")]
    private static partial Regex SharedKey();

    [GeneratedRegex("\\bL\\[\"([A-Za-z0-9.\\-]+)\"\\]")]
    private static partial Regex FeatureKey();

    internal static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Athar.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
