using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Athar.FaultTests;

/// <summary>
/// A server with a tiny connection pool (2 connections, 1 s wait) under a flood of searches whose queries are held
/// up: the requests that find no free connection answer a fast 503 with Retry-After and a localised ProblemDetails,
/// the others 200; never a 500 and never a hang.
/// </summary>
[Collection(FaultServers.Name)]
public sealed class PoolLimitTests(FaultPostgres postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task ATinyPool_UnderAFloodOfSlowQueries_Answers200OrAFast503WithRetryAfter_NeverA500_NeverAHang()
    {
        var database = await Databases.FreshAsync(postgres, "Postgres", "athar_pool");
        // Migrated and seeded first with the ordinary pool: start-up itself needs more than two connections at once.
        await using (var preparing = new AppServer(29104, "Postgres", database.ConnectionString))
            await preparing.StartAsync();
        await using var server = new AppServer(29104, "Postgres", database.ConnectionString + ";Maximum Pool Size=2;Timeout=1");
        await server.StartAsync();
        // Generous: the point is that every request gets an answer, not how fast.
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };

        // The slow workload: while the test holds a lock on what a search reads (the searchable set since migration
        // SearchCost, and the opportunities), every search query waits on it, keeping its pooled connection busy; the
        // pool's two connections are soon all taken.
        await using var blocker = new NpgsqlConnection(database.ConnectionString + ";Pooling=false");
        await blocker.OpenAsync();
        await using (var transaction = await blocker.BeginTransactionAsync())
        {
            await using (var lockCommand = new NpgsqlCommand("LOCK TABLE \"Opportunities\", \"SearchableOpportunities\" IN ACCESS EXCLUSIVE MODE", blocker, transaction))
                await lockCommand.ExecuteNonQueryAsync();
            var flood = Enumerable.Range(0, 24).Select(i => SearchAsync(client, i % 2 == 0 ? "ar" : "en", i)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(4));
            await transaction.CommitAsync();
            var answers = await Task.WhenAll(flood);

            Paths.Report(output, "POOL LIMIT (Postgres, Max Pool Size=2, Timeout=1): 24 searches while their queries were held up for 4 s: "
                + string.Join(", ", answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
            Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)a.Status} {a.Body}"));
            Assert.Contains(answers, a => a.Status == HttpStatusCode.ServiceUnavailable);
            foreach (var refused in answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable))
            {
                Assert.Equal(TimeSpan.FromSeconds(5), refused.RetryAfter);
                Assert.Equal("application/problem+json", refused.MediaType);
                var problem = JsonDocument.Parse(refused.Body).RootElement;
                Assert.Equal("unavailable", problem.GetProperty("code").GetString());
                Assert.Equal(refused.Language == "ar" ? "الخدمة مشغولة؛ حاول بعد قليل." : "The service is busy; try again shortly.", problem.GetProperty("title").GetString());
            }
        }

        // Once the queries move again the same small pool serves everyone.
        Assert.Equal(HttpStatusCode.OK, (await SearchAsync(client, "en", 99)).Status);
    }

    private sealed record Answer(string Language, HttpStatusCode Status, TimeSpan? RetryAfter, string? MediaType, string Body);

    private static async Task<Answer> SearchAsync(HttpClient client, string language, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/opportunities?regionId={1 + (i % 13)}");
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        return new Answer(language, response.StatusCode, response.Headers.RetryAfter?.Delta, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
