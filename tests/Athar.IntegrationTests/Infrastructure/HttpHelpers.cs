using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Athar.IntegrationTests.Infrastructure;

public static partial class HttpHelpers
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    // Outside development the auth cookie is Secure-only, as in production: clients speak https.
    private static readonly Uri Https = new("https://localhost");

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    public static HttpClient Browser(this AtharAppFactory factory, string? language = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = Https });
        if (language is not null)
            client.DefaultRequestHeaders.Add("Cookie", $".athar.culture={language}");
        return client;
    }

    public static HttpClient Api(this AtharAppFactory factory, string language = "ar")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = Https });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>An API client presenting this access token, as an app holding it would.</summary>
    public static HttpClient ApiWithToken(this AtharAppFactory factory, string accessToken)
    {
        var client = factory.Api();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    public static async Task<TokenResponse> LoginTokenAsync(this HttpClient client, string identifier, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(Json))!;
    }

    public static async Task<HttpClient> ApiAsAsync(this AtharAppFactory factory, string identifier, string password = TestPeople.DemoPassword, string language = "ar")
    {
        var client = factory.Api(language);
        HttpResponseMessage response;
        for (var attempt = 1; ; attempt++)
        {
            var twoFactorRecoveryCode = await factory.RecoveryCodeForAsync(identifier);
            response = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier, password, twoFactorRecoveryCode });
            if (!RetryWithNewRecoveryCodes(factory, response.StatusCode == HttpStatusCode.Unauthorized, twoFactorRecoveryCode, attempt))
                break;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>(Json))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    /// <summary>Reads the antiforgery token from a page's form, as a browser would submit it.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        var token = await client.AntiforgeryTokenAsync(tokenFrom ?? path);
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    public static async Task<HttpClient> BrowserAsAsync(this AtharAppFactory factory, string identifier, string password = TestPeople.DemoPassword, string? language = null)
    {
        var client = factory.Browser(language);
        var response = await client.PostFormAsync("/account/login", [new("Input.Identifier", identifier), new("Input.Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Two-factor accounts (platform admins) take the second step, here with one of their recovery codes.
        if (response.Headers.Location?.OriginalString.StartsWith("/account/login-2fa", StringComparison.Ordinal) == true)
        {
            HttpResponseMessage second;
            for (var attempt = 1; ; attempt++)
            {
                var code = await factory.RecoveryCodeForAsync(identifier);
                second = await client.PostFormAsync(response.Headers.Location.OriginalString, [new("Code", code!)]);
                if (!RetryWithNewRecoveryCodes(factory, second.StatusCode == HttpStatusCode.OK, code, attempt))
                    break;
            }
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }
        return client;
    }

    /// <summary>
    /// Whether a refused recovery code is worth one more try with a new batch: a test that set two-factor sign-in
    /// up again for the account replaced the codes handed out so far. Once only, so a real refusal still fails.
    /// </summary>
    private static bool RetryWithNewRecoveryCodes(AtharAppFactory factory, bool refused, string? code, int attempt)
    {
        if (!refused || code is null || attempt >= 2)
            return false;
        factory.ForgetRecoveryCodes();
        return true;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
