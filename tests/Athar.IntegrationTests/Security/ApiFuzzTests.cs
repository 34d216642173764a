using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Security;

/// <summary>
/// Sends thousands of malformed requests to every API endpoint the app maps (taken from its own endpoint
/// list, with the request shapes from its OpenAPI document): wrong types, missing and extra fields, huge
/// strings, invalid UTF-8, RTL overrides, zero-width characters, emoji, NUL bytes, negative and huge
/// numbers, bad dates, broken JSON. Every answer must be below 500, and every refusal a ProblemDetails.
/// </summary>
public sealed class ApiFuzzTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly JsonNode?[] HostileValues =
    [
        null,
        "",
        "<script>alert(1)</script>",
        new string('ا', 100_000),
        "\u202Eabc\u202C",
        "\u200B\u200C\u200D\uFEFF",
        "😀👍🏽🇸🇦",
        "a\u0000b",
        "' OR 1=1 --",
        -1,
        long.MinValue,
        1e308,
        decimal.MaxValue,
        true,
        new JsonArray(1, 2),
        new JsonObject { ["nested"] = "x" },
        "2026-02-30",
        "0001-01-01T00:00:00",
        "not-a-date",
        "ffffffff-ffff-ffff-ffff-fffffffffffg",
    ];

    /// <summary>Bodies that are not the JSON the endpoint expects at all.</summary>
    private static readonly (string Name, byte[] Bytes)[] BrokenBodies =
    [
        ("empty", []),
        ("truncated", "{\"a\":"u8.ToArray()),
        ("array", "[1,2,3]"u8.ToArray()),
        ("null", "null"u8.ToArray()),
        ("string", "\"text\""u8.ToArray()),
        ("invalid UTF-8", [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}']),
        ("deep nesting", Encoding.UTF8.GetBytes(new string('[', 5_000) + new string(']', 5_000))),
        ("NUL bytes", [(byte)'{', 0, 0, (byte)'}']),
    ];

    private sealed record Target(string Method, string Template, string Path, JsonObject? Body, IReadOnlyList<string> Query);

    private sealed record Ids(Guid Organization, Guid Opportunity, Guid Shift, Guid Application);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task EveryApiEndpoint_AnswersMalformedRequests_WithAProblem_NeverA5xx(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var (org, orgAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(org, [app.ShiftFromNow(TimeSpan.FromHours(30), TimeSpan.FromHours(3), 5)]);
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
        var platformAdmin = await app.CreatePersonAsync([Roles.PlatformAdmin]);
        var volunteerApi = await app.ApiAsAsync(volunteer.Email, TestPeople.Password);
        var applied = await (await volunteerApi.PostAsync($"/api/v1/shifts/{opportunity.Shifts[0].Id}/applications", null)).ReadJsonAsync();
        var ids = new Ids(org, opportunity.Id, opportunity.Shifts[0].Id, applied.GetProperty("id").GetGuid());
        var clients = new Dictionary<string, HttpClient>
        {
            ["volunteer"] = volunteerApi,
            ["organisation admin"] = await app.ApiAsAsync(orgAdmin.Email, TestPeople.Password, language: "en"),
            ["platform admin"] = await app.ApiAsAsync(platformAdmin.Email, TestPeople.Password),
            ["anonymous"] = app.Api(),
        };

        var targets = await TargetsAsync(app, ids);
        Assert.True(targets.Count > 40, $"only {targets.Count} API endpoints found");
        var failures = new List<string>();
        var sent = 0;
        foreach (var target in targets)
        {
            foreach (var (actor, client) in clients)
            {
                // Everyone gets the broken bodies; the signed-in actors get every field mutation too.
                foreach (var request in Requests(target, structural: actor != "anonymous"))
                {
                    sent++;
                    var check = await SendAsync(client, request.Message);
                    if (check is not null)
                        failures.Add($"{actor} {target.Method} {target.Template} [{request.Name}]: {check}");
                }
            }
        }

        Assert.True(sent > 2_000, $"only {sent} requests sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests were not answered with a ProblemDetails below 500:\n" + string.Join("\n", failures.Take(25)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PostedForms_WithANulCharacter_AreRefusedAsBadInput_NotAServerError(TestDatabase database)
    {
        var app = fixture.For(database);
        var browser = app.Browser("en");

        var login = await browser.PostFormAsync("/account/login", [new("Input.Identifier", "a\0b@test.athar"), new("Input.Password", "x")]);
        var reset = await browser.PostFormAsync("/account/forgot-password", [new("Email", "a\0b@test.athar")]);

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Contains("lang=\"en\"", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string?> SendAsync(HttpClient client, HttpRequestMessage message)
    {
        using var response = await client.SendAsync(message);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
            return $"{status} {Truncate(body)}";
        if (status < 400)
            return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} with {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Truncate(body)}";
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("title", out _) || json.RootElement.TryGetProperty("status", out _) ? null : $"{status} problem without title: {Truncate(body)}";
        }
        catch (JsonException)
        {
            return $"{status} body is not JSON: {Truncate(body)}";
        }
    }

    private static string Truncate(string s) => s.Length > 300 ? s[..300] + "…" : s;

    private static IEnumerable<(string Name, HttpRequestMessage Message)> Requests(Target target, bool structural)
    {
        var method = new HttpMethod(target.Method);
        HttpRequestMessage Message(string path, HttpContent? content = null) => new(method, path) { Content = content };

        if (target.Method is "GET" or "DELETE")
        {
            foreach (var name in target.Query)
                foreach (var value in HostileValues.Where(v => v is not null && structural))
                    yield return ($"query {name}={Truncate(value!.ToJsonString())}", Message($"{target.Path}?{name}={Uri.EscapeDataString(Scalar(value))}"));
            yield return ("unknown query", Message($"{target.Path}?%00=%FF&page=-1&pageSize=100000000"));
            yield return ("malformed id", Message(target.Template.Contains('{', StringComparison.Ordinal) ? MalformedIds(target.Template) : target.Path));
            yield break;
        }
        foreach (var (name, bytes) in BrokenBodies)
            yield return ($"body {name}", Message(target.Path, Json(bytes)));
        yield return ("form instead of JSON", Message(target.Path, new FormUrlEncodedContent([new("a", "b")])));
        if (target.Template.Contains('{', StringComparison.Ordinal))
            yield return ("malformed id", Message(MalformedIds(target.Template), Json("{}"u8.ToArray())));
        if (!structural || target.Body is null)
            yield break;
        foreach (var property in target.Body.Select(p => p.Key).ToList())
        {
            foreach (var value in HostileValues)
            {
                var body = (JsonObject)target.Body.DeepClone();
                body[property] = value?.DeepClone();
                yield return ($"{property}={Truncate(value?.ToJsonString() ?? "null")}", Message(target.Path, Json(Encoding.UTF8.GetBytes(body.ToJsonString()))));
            }
            var missing = (JsonObject)target.Body.DeepClone();
            missing.Remove(property);
            yield return ($"missing {property}", Message(target.Path, Json(Encoding.UTF8.GetBytes(missing.ToJsonString()))));
        }
        var extra = (JsonObject)target.Body.DeepClone();
        extra["unexpected"] = new JsonArray(new string('x', 10_000));
        yield return ("extra field", Message(target.Path, Json(Encoding.UTF8.GetBytes(extra.ToJsonString()))));
    }

    private static string Scalar(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string MalformedIds(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", "%F0%9F%98%80x%27%3Cb%3E");

    /// <summary>Every mapped /api endpoint with its method, a concrete path (real ids where the segment names them) and its JSON body shape.</summary>
    private static async Task<List<Target>> TargetsAsync(AtharAppFactory app, Ids ids)
    {
        var document = JsonNode.Parse(await (await app.Api().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        var targets = new List<Target>();
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!template.StartsWith("/api/", StringComparison.Ordinal))
                continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods)
            {
                var openApiPath = System.Text.RegularExpressions.Regex.Replace(template, "{([^:}]+)(:[^}]*)?}", "{$1}");
                var operation = document["paths"]?[openApiPath]?[method.ToLowerInvariant()];
                var schema = Resolve(operation?["requestBody"]?["content"]?["application/json"]?["schema"], schemas);
                var query = operation?["parameters"]?.AsArray().Where(p => (string?)p?["in"] == "query").Select(p => (string)p!["name"]!).ToList() ?? [];
                targets.Add(new Target(method, template, Concrete(template, ids), schema is null ? null : Example(schema, schemas, 0) as JsonObject, query));
            }
        }
        return targets;
    }

    private static string Concrete(string template, Ids ids)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
                continue;
            var previous = i > 0 ? segments[i - 1] : "";
            segments[i] = segments[i] switch
            {
                var s when s.Contains(":int", StringComparison.Ordinal) => "1",
                var s when s.Contains(":long", StringComparison.Ordinal) => "1",
                var s when !s.Contains(":guid", StringComparison.Ordinal) => "x",
                _ => previous switch
                {
                    "organizations" => ids.Organization.ToString(),
                    "opportunities" or "participation" => ids.Opportunity.ToString(),
                    "shifts" => ids.Shift.ToString(),
                    "applications" => ids.Application.ToString(),
                    _ => Guid.NewGuid().ToString(),
                },
            };
        }
        return string.Join('/', segments);
    }

    private static JsonObject? Resolve(JsonNode? schema, JsonObject? schemas)
    {
        if (schema?["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var path))
            return schemas?[path.Split('/')[^1]] as JsonObject;
        return schema as JsonObject;
    }

    /// <summary>A plausible value for a schema, so each mutation changes one thing at a time.</summary>
    private static JsonNode? Example(JsonObject schema, JsonObject? schemas, int depth)
    {
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            JsonValue single => (string?)single,
            _ => null,
        };
        if (schema["properties"] is JsonObject properties && depth < 3)
        {
            var result = new JsonObject();
            foreach (var (name, property) in properties)
                result[name] = Resolve(property, schemas) is { } p ? Example(p, schemas, depth + 1) : null;
            return result;
        }
        return type switch
        {
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "array" => new JsonArray(),
            "string" => (string?)schema["format"] switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date" => "2026-12-01",
                "date-time" => "2026-12-01T08:00:00Z",
                _ => "نص",
            },
            _ => null,
        };
    }
}
