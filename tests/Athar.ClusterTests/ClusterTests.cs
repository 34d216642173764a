using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Athar.Core.Identity;
using Xunit;
using Xunit.Abstractions;

namespace Athar.ClusterTests;

/// <summary>
/// Athar on several nodes, over the real engines (deploy/cluster.sh): sessions move between nodes, a node killed
/// in the middle of a load loses and duplicates nothing, background work runs once, and the app follows a
/// promoted standby. The tests do not depend on their order: after the promotion the cluster still serves.
/// </summary>
public sealed partial class ClusterTests(Cluster cluster, ITestOutputHelper output) : IClassFixture<Cluster>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static int _people = Random.Shared.Next(10_000_000, 60_000_000);

    [Fact]
    public async Task SignInOnOneNode_ContinuesOnTheOthers_WithTheFormTokenOfAnother()
    {
        // Cookies carried by hand: in production they are Secure, and this test speaks plain HTTP to each node.
        var cookies = new Dictionary<string, string>();
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, int node, string path, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(Cluster.Node(node), path)) { Content = content };
            if (cookies.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await browser.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }
            return response;
        }

        // The form (and its antiforgery token) comes from node 1, the sign-in is posted to node 2.
        var form = await (await SendAsync(HttpMethod.Get, 1, "/account/login")).Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var signIn = await SendAsync(HttpMethod.Post, 2, "/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Identifier"] = "volunteer@athar.local",
            ["Input.Password"] = "Athar-Demo-2026",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The cookie the cluster's shared keys protect is honoured by every node.
        foreach (var node in new[] { 1, 2, 3 })
        {
            var page = await SendAsync(HttpMethod.Get, node, "/me/applications");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal($"node{node}", page.Headers.GetValues("X-Athar-Node").Single());
        }
    }

    [Fact]
    public async Task ALoadThroughNginx_WithANodeKilledAndRestarted_LosesNothing_DuplicatesNothing_AndOversellsNoSeat()
    {
        var run = $"load{Random.Shared.Next(100_000, 999_999)}";
        using var api = new HttpClient { BaseAddress = cluster.Front, Timeout = TimeSpan.FromSeconds(60) };
        // Three shifts with few seats left, so that the volunteers compete for them.
        var shifts = await cluster.RowsAsync("""
            UPDATE "Shifts" SET "Seats" = "Accepted" + 6 WHERE "Id" IN (
                SELECT s."Id" FROM "Shifts" s JOIN "Opportunities" o ON o."Id" = s."OpportunityId"
                WHERE o."Status" = 2 AND o."AutoAccept" AND o."Gender" = 0 AND o."RequiredLicense" = 0 AND o."MinimumAge" IS NULL
                  AND s."StartsAt" > now() + interval '1 day'
                ORDER BY s."StartsAt" LIMIT 3)
            RETURNING "Id"
            """);
        Assert.Equal(3, shifts.Count);
        var volunteers = await RegisterAndSignInAsync(api, run, 24);

        var outcomes = new ConcurrentBag<(string Volunteer, Guid Shift, HttpStatusCode Status, Guid? ApplicationId)>();
        var work = (from v in volunteers from s in shifts select (Volunteer: v, Shift: (Guid)s[0])).OrderBy(_ => Random.Shared.Next()).ToList();
        var done = 0;
        var chaos = Task.Run(async () =>
        {
            while (Volatile.Read(ref done) < work.Count / 4)
                await Task.Delay(20);
            await cluster.KillNodeAsync(2); // SIGKILL, mid-load
            Report($"LOAD: node2 killed after {Volatile.Read(ref done)} of {work.Count} applications");
            while (Volatile.Read(ref done) < work.Count / 2)
                await Task.Delay(20);
            await cluster.StartNodeAsync(2);
            Report($"LOAD: node2 back after {Volatile.Read(ref done)} of {work.Count} applications");
        });
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (item, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/shifts/{item.Shift}/applications");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", item.Volunteer.Token);
            var status = HttpStatusCode.BadGateway;
            Guid? id = null;
            try
            {
                using var response = await api.SendAsync(request, ct);
                status = response.StatusCode;
                if (status == HttpStatusCode.Created)
                    id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
            }
            catch (HttpRequestException)
            {
                // No answer: the outcome is unknown to the client (it may or may not have been applied).
            }
            outcomes.Add((item.Volunteer.Email, item.Shift, status, id));
            Interlocked.Increment(ref done);
        });
        await chaos;

        var acknowledged = outcomes.Where(o => o.ApplicationId is not null).ToList();
        Report($"LOAD: {outcomes.Count} applications sent through nginx: " + string.Join(", ", outcomes.GroupBy(o => o.Status).Select(g => $"{(int)g.Key}×{g.Count()}")));
        Assert.NotEmpty(acknowledged);
        Assert.DoesNotContain(outcomes, o => o.Status == HttpStatusCode.InternalServerError);

        var stored = (await cluster.RowsAsync($"""
            SELECT a."Id", a."ShiftId", a."Status", u."Email" FROM "Applications" a JOIN "AspNetUsers" u ON u."Id" = a."VolunteerId"
            WHERE u."Email" LIKE '{run}-%'
            """)).Select(r => (Id: (Guid)r[0], Shift: (Guid)r[1], Status: (int)r[2], Email: (string)r[3])).ToList();
        // Every acknowledged write is there; nothing is there twice.
        Assert.All(acknowledged, a => Assert.Contains(stored, s => s.Id == a.ApplicationId));
        Assert.Equal(stored.Count, stored.Select(s => (s.Email, s.Shift)).Distinct().Count());
        // Seats: the shift's counter matches its accepted applications and never passes its seats.
        foreach (var shift in shifts.Select(s => (Guid)s[0]))
        {
            var row = (await cluster.RowsAsync($"""
                SELECT s."Seats", s."Accepted", (SELECT count(*) FROM "Applications" a WHERE a."ShiftId" = s."Id" AND a."Status" = 2)
                FROM "Shifts" s WHERE s."Id" = '{shift}'
                """)).Single();
            var (seats, accepted, counted) = ((int)row[0], (int)row[1], (long)row[2]);
            Report($"LOAD: shift {shift}: {counted} accepted of {seats} seats");
            Assert.Equal(accepted, counted);
            Assert.True(accepted <= seats);
        }

        // Background work ran once: every message of the run sent (one left claimed by the killed node is sent by
        // another after its lease), and each volunteer got exactly one confirmation email.
        var unsent = 1L;
        for (var i = 0; i < 120 && unsent > 0; i++)
        {
            unsent = await cluster.QueryAsync<long>($"""SELECT count(*) FROM "OutboxMessages" WHERE "Recipient" LIKE '{run}-%' AND "SentAt" IS NULL""");
            if (unsent > 0)
                await Task.Delay(500);
        }
        Assert.Equal(0, unsent);
        var emails = await cluster.RowsAsync($"""SELECT "Recipient", count(*) FROM "OutboxMessages" WHERE "Recipient" LIKE '{run}-%' AND "Body" LIKE '%confirm-email%' GROUP BY "Recipient" """);
        Assert.Equal(volunteers.Count, emails.Count);
        Assert.All(emails, e => Assert.Equal(1L, (long)e[1]));
        // The audit chain sealed by three nodes at once has no gap and no fork.
        var (sealedCount, top) = ((long)(await cluster.RowsAsync("""SELECT count(*), coalesce(max("Sequence"), 0) FROM "AuditEntries" WHERE "Sequence" IS NOT NULL""")).Single()[0],
            Convert.ToInt64((await cluster.RowsAsync("""SELECT coalesce(max("Sequence"), 0) FROM "AuditEntries" """)).Single()[0], CultureInfo.InvariantCulture));
        Assert.Equal(top, sealedCount);
    }

    [Fact]
    public async Task PromotingTheStandby_AfterThePrimaryStops_TheNodesAcceptWritesAgain_InAReportedTime()
    {
        using var api = new HttpClient { BaseAddress = cluster.Front, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.Accepted, (await RegisterAsync(api, "before-failover")).StatusCode);

        await cluster.PromoteStandbyAsync();
        var clock = Stopwatch.StartNew();
        var attempts = 0;
        HttpStatusCode last = 0;
        string? registered = null;
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            attempts++;
            try
            {
                var response = await RegisterAsync(api, "after-failover");
                last = response.StatusCode;
                if (last == HttpStatusCode.Accepted)
                {
                    registered = response.RequestMessage!.Options.TryGetValue(EmailKey, out var e) ? e : null;
                    break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = 0;
            }
            await Task.Delay(250);
        }
        var message = $"FAILOVER: writes accepted again {clock.Elapsed.TotalSeconds:0.0} s after the standby's promotion ({attempts} attempts)";
        Report(message);
        // Registration answers 202 whether or not the person is new (no account enumeration): the account must be there.
        Assert.Equal(HttpStatusCode.Accepted, last);
        Assert.False(await cluster.QueryAsync<bool>("SELECT pg_is_in_recovery()"));
        Assert.True(await cluster.QueryAsync<bool>($"SELECT EXISTS (SELECT 1 FROM \"AspNetUsers\" WHERE \"Email\" = '{registered}')"));
    }

    /// <summary>To the test's output and to artifacts/cluster-report.txt, which test.sh prints after the run.</summary>
    private void Report(string line)
    {
        output.WriteLine(line);
        var artifacts = Path.Combine(Cluster.Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.AppendAllText(Path.Combine(artifacts, "cluster-report.txt"), line + Environment.NewLine);
    }

    private sealed record Volunteer(string Email, string Token);

    private static async Task<List<Volunteer>> RegisterAndSignInAsync(HttpClient api, string run, int count)
    {
        var volunteers = new ConcurrentBag<Volunteer>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, ct) =>
        {
            var registration = await RegisterAsync(api, run);
            Assert.Equal(HttpStatusCode.Accepted, registration.StatusCode);
            var email = registration.RequestMessage!.Options.TryGetValue(EmailKey, out var e) ? e : throw new InvalidOperationException();
            var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { identifier = email, password = Password }, Json, ct);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            volunteers.Add(new Volunteer(email, (await login.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!));
        });
        return [.. volunteers];
    }

    private const string Password = "Cluster-Test-2026";
    private static readonly HttpRequestOptionsKey<string> EmailKey = new("email");

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient api, string run)
    {
        var n = Interlocked.Increment(ref _people);
        var email = $"{run}-{n}@cluster.test";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register")
        {
            Content = JsonContent.Create(new
            {
                fullNameAr = "ريم إبراهيم الشهري",
                fullNameEn = "Reem Alshehri",
                nationalId = NationalId.FromNineDigits("1" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture)).Value,
                mobile = "05" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
                email,
                password = Password,
                gender = "female",
                birthDate = "1998-05-17",
                regionId = 1,
                cityId = 101,
                fieldIds = new[] { 1, 3 },
                acceptEthicsCharter = true,
                acceptPrivacyNotice = true,
            }, options: Json),
        };
        request.Options.Set(EmailKey, email);
        var response = await api.SendAsync(request);
        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
