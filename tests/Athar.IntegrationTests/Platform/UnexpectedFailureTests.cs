using System.Net;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Opportunities;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Platform;

/// <summary>
/// A failure nobody expected (here: the search use case cannot be built) answers ProblemDetails under /api/v1 and
/// the friendly page elsewhere. The exception handler sees the re-executed /error path, so this proves it decides
/// from the path the client asked for.
/// </summary>
public sealed class UnexpectedFailureTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task UnhandledFailure_UnderTheApi_AnswersProblemDetails_AndOnAPage_TheErrorPage(TestDatabase database)
    {
        await using var factory = new AtharAppFactory(database);
        using var broken = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<SearchOpportunities>(_ => throw new InvalidOperationException("Simulated unexpected failure"))));

        using var client = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add("Cookie", ".athar.culture=en");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var api = await client.GetAsync("/api/v1/opportunities");
        var page = await client.GetAsync("/opportunities");

        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.ReadJsonAsync();
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal("server-error", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("Simulated", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
