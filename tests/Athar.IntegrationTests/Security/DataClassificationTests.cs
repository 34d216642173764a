using System.Text.RegularExpressions;
using Athar.Data;
using Athar.IntegrationTests.Infrastructure;
using Athar.IntegrationTests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Security;

/// <summary>
/// docs/data-classification.md gives every stored property that may hold personal or secret data its protection
/// level (ASVS 14.1.1/14.1.2). The test walks the EF Core model of the app's only DbContext on each database and
/// fails when such a property is missing from the document, or when the document names a property the model no
/// longer has.
/// </summary>
public sealed partial class DataClassificationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string DocumentPath = Path.Combine(ResourceFilesTests.FindRepositoryRoot(), "docs", "data-classification.md");

    private static readonly string[] Levels = ["public", "internal", "personal", "sensitive personal", "secret"];

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task EveryPropertyThatMayHoldPersonalOrSecretData_IsClassified_AndEveryClassifiedPropertyExists(TestDatabase database)
    {
        await using var scope = fixture.For(database).Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<AtharDbContext>().Model;
        var properties = model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties().Select(p => (Key: Key(e, p), Property: p))).ToList();
        var classified = Classified(File.ReadAllText(DocumentPath));

        var unclassified = properties.Where(p => LooksPersonal(p.Property) && !classified.ContainsKey(p.Key)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        Assert.True(unclassified.Count == 0, "Properties that may hold personal or secret data, missing from docs/data-classification.md:\n" + string.Join('\n', unclassified));
        var known = properties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var stale = classified.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "docs/data-classification.md names properties the model no longer has:\n" + string.Join('\n', stale));
        var badLevels = classified.Where(c => !Levels.Contains(c.Value)).Select(c => $"{c.Key}: {c.Value}").ToList();
        Assert.True(badLevels.Count == 0, "Unknown protection levels:\n" + string.Join('\n', badLevels));
    }

    /// <summary>By the words of its name (camel case split, so "Description" is not "ip") or by its type.</summary>
    private static bool LooksPersonal(IProperty property)
    {
        var words = Words().Matches(property.Name).Select(m => m.Value.ToUpperInvariant()).ToList();
        var name = property.Name.ToUpperInvariant();
        return name.Contains("NATIONALID", StringComparison.Ordinal) || words.Intersect(PersonalWords).Any()
            || property.ClrType.Name.Contains("Gender", StringComparison.Ordinal);
    }

    private static readonly string[] PersonalWords =
        ["PHONE", "MOBILE", "EMAIL", "BIRTH", "GENDER", "NAME", "ADDRESS", "IP", "TOKEN", "SECRET", "HASH", "KEY", "STAMP", "CODE", "PASSWORD", "CONTACT"];

    /// <summary>Entity.Property; an owned type's property as Owner.Navigation.Property.</summary>
    private static string Key(IEntityType entity, IProperty property) =>
        entity.FindOwnership() is { } ownership
            ? $"{ownership.PrincipalEntityType.ShortName()}.{ownership.PrincipalToDependent!.Name}.{property.Name}"
            : $"{entity.ShortName()}.{property.Name}";

    /// <summary>Table rows of the form "| `Entity.Property` | level | …".</summary>
    private static Dictionary<string, string> Classified(string markdown) =>
        Row().Matches(markdown).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.Ordinal);

    [GeneratedRegex(@"^\|\s*`([A-Za-z0-9_<>.]+)`\s*\|\s*([a-z ]+?)\s*\|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex Words();
}
