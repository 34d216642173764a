using System.Reflection;
using System.Text.RegularExpressions;
using Athar.IntegrationTests.Infrastructure;
using Athar.IntegrationTests.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Security;

/// <summary>
/// docs/validation.md is the written rule book for every input (ASVS 2.1.1–2.1.3). Each API request body (read from
/// the app's own endpoints), each page model that takes form input and each input type a page binds must have its
/// heading there, and every heading must still name something the app binds, so the document cannot drift.
/// </summary>
public sealed partial class ValidationDocumentTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string DocumentPath = Path.Combine(ResourceFilesTests.FindRepositoryRoot(), "docs", "validation.md");

    [Fact]
    public void EveryApiBody_PageForm_AndBoundInputType_HasItsSectionInValidationMd_AndEverySectionStillExists()
    {
        var inputs = ApiBodies().Concat(PageInputs()).ToHashSet(StringComparer.Ordinal);
        var documented = Headings(File.ReadAllText(DocumentPath));

        var missing = inputs.Except(documented).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Inputs without a section in docs/validation.md (add a heading \"### `Name`\": a type, or a page as Feature/Page):\n" + string.Join('\n', missing));
        var stale = documented.Except(inputs).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "Sections in docs/validation.md naming no input the app binds any more:\n" + string.Join('\n', stale));
    }

    /// <summary>The JSON or form body type of every API endpoint, and the query records bound with [AsParameters].</summary>
    private IEnumerable<string> ApiBodies()
    {
        var endpoints = fixture.For(TestDatabase.Sqlite).Services.GetRequiredService<EndpointDataSource>().Endpoints;
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } body && IsInputType(body))
                yield return Name(body);
            if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
                foreach (var parameter in handler.GetParameters().Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null))
                    yield return Name(parameter.ParameterType);
        }
    }

    /// <summary>Page models that take form or query input (bound properties or handler parameters), and the complex types they bind.</summary>
    private static IEnumerable<string> PageInputs()
    {
        foreach (var page in typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract))
        {
            var bindsAll = page.GetCustomAttribute<BindPropertiesAttribute>() is not null;
            var bound = page.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => bindsAll || p.GetCustomAttribute<BindPropertyAttribute>() is not null)
                .Select(p => p.PropertyType).ToList();
            var handlerParameters = page.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal))
                .SelectMany(m => m.GetParameters())
                .Where(p => p.ParameterType != typeof(CancellationToken) && !IsRouteId(p))
                .Select(p => p.ParameterType).ToList();
            if (bound.Count + handlerParameters.Count == 0)
                continue;
            yield return PageName(page);
            foreach (var type in bound.Concat(handlerParameters).Where(IsInputType))
                yield return Name(type);
        }
    }

    // A Guid is an object's id (its checks are access checks, not validation); the route constraint makes it a Guid.
    private static bool IsRouteId(ParameterInfo parameter) => Nullable.GetUnderlyingType(parameter.ParameterType) is { } inner
        ? inner == typeof(Guid)
        : parameter.ParameterType == typeof(Guid);

    /// <summary>A class of the app's own with fields of its own; strings, lists, files and enums are fields, not input types.</summary>
    private static bool IsInputType(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IFormFile).IsAssignableFrom(type) && !type.IsGenericType
        && type.Assembly.GetName().Name!.StartsWith("Athar", StringComparison.Ordinal);

    /// <summary>A page by its path under Features (<c>Training/Edit</c>): page model class names repeat across features.</summary>
    private static string PageName(Type page) =>
        $"{page.Namespace!["Athar.Web.Features.".Length..].Replace('.', '/')}/{page.Name[..^"Model".Length]}";

    /// <summary>Nested types keep their container (<c>TeamsEndpoints.TeamBody</c>), so two "Body" types never share a heading.</summary>
    private static string Name(Type type) => type.IsNested ? $"{type.DeclaringType!.Name}.{type.Name}" : type.Name;

    private static HashSet<string> Headings(string markdown) =>
        [.. Heading().Matches(markdown).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^###\s+`([A-Za-z0-9_./]+)`", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
