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
/// in the middle of a load of applications and check-ins loses and duplicates nothing, background work runs once,
/// public reads come from the hot standby while a writer reads their own writes, and the app follows a promoted
/// standby. The promotion runs last (<see cref="PromotionLast"/>): after it there is no standby to read from.
/// </summary>
[TestCaseOrderer(PromotionLast.Name, PromotionLast.Assembly)]
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
    public async Task ALoadOfApplicationsAndCheckInsThroughNginx_WithANodeKilledAndRestarted_LosesNothing_DuplicatesNothing_AndOversellsNoSeat()
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
        // A shift of the demo organisation opened for check-in now (check-in opens an hour before the start), starting
        // soon enough that its reminders fall due during the load too, with fewer seats than volunteers who want one.
        // Its opportunity takes the first come (auto-accept), so a check-in follows an application without a staff step.
        var checkInShift = (Guid)(await cluster.RowsAsync("""
            WITH target AS (
                SELECT s."Id", s."OpportunityId" FROM "Shifts" s JOIN "Opportunities" o ON o."Id" = s."OpportunityId"
                JOIN "OrganizationMembers" m ON m."OrganizationId" = o."OrganizationId"
                JOIN "AspNetUsers" u ON u."Id" = m."UserId" AND u."Email" = 'org.admin@athar.local'
                WHERE o."Status" = 2 AND NOT o."AutoAccept" AND o."Gender" = 0 AND o."RequiredLicense" = 0 AND o."MinimumAge" IS NULL
                ORDER BY s."StartsAt" LIMIT 1),
            opened AS (UPDATE "Opportunities" SET "AutoAccept" = true WHERE "Id" IN (SELECT "OpportunityId" FROM target))
            UPDATE "Shifts" SET "StartsAt" = now() + interval '30 minutes', "EndsAt" = now() + interval '4 hours', "Seats" = "Accepted" + 8
            WHERE "Id" IN (SELECT "Id" FROM target)
            RETURNING "Id"
            """)).Single()[0];
        var staff = await SignInAsync(api, "org.admin@athar.local", "Athar-Demo-2026");
        var volunteers = await RegisterAndSignInAsync(api, run, 24);
        var attendees = await RegisterAndSignInAsync(api, run, 12);

        var outcomes = new ConcurrentBag<(string Volunteer, Guid Shift, HttpStatusCode Status, Guid? ApplicationId)>();
        var checkIns = new ConcurrentBag<(string Volunteer, HttpStatusCode Status, Guid? AttendanceId)>();
        var repeatsThatDiffered = new ConcurrentBag<string>();
        var work = (from v in volunteers from s in shifts select (Volunteer: v, Shift: (Guid)s[0]))
            .Concat(attendees.Select(v => (Volunteer: v, Shift: checkInShift)))
            .OrderBy(_ => Random.Shared.Next()).ToList();
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
            var (status, body) = await SendAsync(api, HttpMethod.Post, $"/api/v1/shifts/{item.Shift}/applications", item.Volunteer.Token, null, ct);
            outcomes.Add((item.Volunteer.Email, item.Shift, status, status == HttpStatusCode.Created ? body!.Value.GetProperty("id").GetGuid() : null));
            // At the site the volunteer scans the code the supervisor shows. After an application with no answer they
            // try anyway (it may have been applied); a scan with no answer is scanned again, as a person would.
            if (item.Shift == checkInShift && (status == HttpStatusCode.Created || status >= HttpStatusCode.InternalServerError))
            {
                for (var attempt = 0; attempt < 4; attempt++)
                {
                    (status, body) = await ScanAsync(api, staff, item.Volunteer, item.Shift, ct);
                    if (status < HttpStatusCode.InternalServerError)
                        break;
                    await Task.Delay(500, ct);
                }
                var attendance = status == HttpStatusCode.OK ? body!.Value.GetProperty("id").GetGuid() : (Guid?)null;
                checkIns.Add((item.Volunteer.Email, status, attendance));
                // A second scan moments later, on whichever node, changes nothing and answers the same record.
                var (again, repeat) = attendance is null ? default : await ScanAsync(api, staff, item.Volunteer, item.Shift, ct);
                if (again == HttpStatusCode.OK && repeat!.Value.GetProperty("id").GetGuid() != attendance)
                    repeatsThatDiffered.Add(item.Volunteer.Email);
            }
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
        // Check-ins: every acknowledged one is stored, once per application, for accepted volunteers only.
        var checkedIn = checkIns.Where(c => c.AttendanceId is not null).ToList();
        Report($"LOAD: {checkIns.Count} volunteers at the site scanned the check-in code: " + string.Join(", ", checkIns.GroupBy(c => c.Status).Select(g => $"{(int)g.Key}×{g.Count()}")));
        Assert.NotEmpty(checkedIn);
        Assert.DoesNotContain(checkIns, c => c.Status == HttpStatusCode.InternalServerError);
        var attendance = (await cluster.RowsAsync($"""
            SELECT a."Id", a."ApplicationId", p."Status" FROM "Attendance" a JOIN "Applications" p ON p."Id" = a."ApplicationId"
            JOIN "AspNetUsers" u ON u."Id" = a."VolunteerId" WHERE u."Email" LIKE '{run}-%'
            """)).Select(r => (Id: (Guid)r[0], Application: (Guid)r[1], Status: (int)r[2])).ToList();
        Assert.All(checkedIn, c => Assert.Contains(attendance, a => a.Id == c.AttendanceId));
        Assert.Equal(attendance.Count, attendance.Select(a => a.Application).Distinct().Count());
        Assert.All(attendance, a => Assert.Equal(2, a.Status));
        Assert.Empty(repeatsThatDiffered);

        // Seats: the shift's counter matches its accepted applications and never passes its seats.
        foreach (var shift in shifts.Select(s => (Guid)s[0]).Append(checkInShift))
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

        // Background work ran once. The reminders of the shift open for check-in (every node runs the reminder job
        // each minute, one of them killed meanwhile): each accepted volunteer reminded by one notification, one
        // e-mail and one SMS.
        var people = $"""SELECT "Id" FROM "AspNetUsers" WHERE "Email" LIKE '{run}-%'""";
        var acceptedThere = $"""SELECT count(*) FROM "Applications" WHERE "ShiftId" = '{checkInShift}' AND "Status" = 2 AND "VolunteerId" IN ({people})""";
        var unreminded = 1L;
        for (var i = 0; i < 360 && unreminded > 0; i++)
        {
            unreminded = await cluster.QueryAsync<long>(acceptedThere + """ AND "ReminderSentAt" IS NULL""");
            if (unreminded > 0)
                await Task.Delay(500);
        }
        Assert.Equal(0, unreminded);
        var reminded = await cluster.QueryAsync<long>(acceptedThere);
        Assert.True(reminded > 0);
        var notices = await cluster.RowsAsync($"""SELECT "UserId", count(*) FROM "Notifications" WHERE "Kind" = 'ShiftReminder' AND "UserId" IN ({people}) GROUP BY "UserId" """);
        Assert.Equal(reminded, notices.Count);
        Assert.All(notices, n => Assert.Equal(1L, (long)n[1]));
        var reminders = await cluster.RowsAsync($"""
            SELECT "UserId", "Channel", count(*) FROM "OutboxMessages"
            WHERE "UserId" IN ({people}) AND ("Body" LIKE '%تذكير:%' OR "Body" LIKE '%Reminder:%')
            GROUP BY "UserId", "Channel"
            """);
        Assert.Equal(2 * reminded, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(1L, (long)r[2]));
        Report($"LOAD: {reminded} accepted volunteers of the shift open for check-in were reminded once each (notification, e-mail, SMS)");

        // Every message of the run sent (one left claimed by the killed node is sent by another after its lease),
        // and each volunteer got exactly one confirmation email.
        var unsent = 1L;
        for (var i = 0; i < 120 && unsent > 0; i++)
        {
            unsent = await cluster.QueryAsync<long>($"""SELECT count(*) FROM "OutboxMessages" WHERE ("Recipient" LIKE '{run}-%' OR "UserId" IN ({people})) AND "SentAt" IS NULL""");
            if (unsent > 0)
                await Task.Delay(500);
        }
        Assert.Equal(0, unsent);
        var emails = await cluster.RowsAsync($"""SELECT "Recipient", count(*) FROM "OutboxMessages" WHERE "Recipient" LIKE '{run}-%' AND "Body" LIKE '%confirm-email%' GROUP BY "Recipient" """);
        Assert.Equal(volunteers.Count + attendees.Count, emails.Count);
        Assert.All(emails, e => Assert.Equal(1L, (long)e[1]));
        // The audit chain sealed by three nodes at once has no gap and no fork.
        var (sealedCount, top) = ((long)(await cluster.RowsAsync("""SELECT count(*), coalesce(max("Sequence"), 0) FROM "AuditEntries" WHERE "Sequence" IS NOT NULL""")).Single()[0],
            Convert.ToInt64((await cluster.RowsAsync("""SELECT coalesce(max("Sequence"), 0) FROM "AuditEntries" """)).Single()[0], CultureInfo.InvariantCulture));
        Assert.Equal(top, sealedCount);
    }

    [Fact]
    public async Task WhileTheStandbyLags_PublicSearchReadsItsOlderState_TheWriterReadsTheirOwnWrite_AndReplayCatchesUp()
    {
        // No cookie container: the read-your-writes cookie the apply sets must go only where the test sends it.
        using var api = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = cluster.Front, Timeout = TimeSpan.FromSeconds(30) };
        // An opportunity no other test applies to (men only): a man applies, and its seats left change in search.
        var target = (await cluster.RowsAsync($"""
            SELECT o."Id", s."Id" FROM "Opportunities" o JOIN "Shifts" s ON s."OpportunityId" = o."Id"
            WHERE o."Status" = 2 AND o."AutoAccept" AND o."Gender" = {(int)Core.Opportunities.GenderRequirement.Male} AND o."RequiredLicense" = 0
              AND o."MinimumAge" IS NULL AND s."StartsAt" > now() + interval '1 day' AND s."Accepted" < s."Seats"
            ORDER BY s."StartsAt" LIMIT 1
            """)).Single();
        var (opportunity, shift) = ((Guid)target[0], (Guid)target[1]);
        var man = (await RegisterAndSignInAsync(api, $"standby{Random.Shared.Next(100_000, 999_999)}", 1, gender: "male")).Single();
        var regionId = await cluster.QueryAsync<int>($"""SELECT "RegionId" FROM "Opportunities" WHERE "Id" = '{opportunity}'""");
        async Task<int> SeatsLeftInSearchAsync(string? cookie)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/opportunities?regionId={regionId}&gender=male");
            if (cookie is not null)
                request.Headers.Add("Cookie", cookie);
            using var response = await api.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray();
            return items.Single(i => i.GetProperty("id").GetGuid() == opportunity).GetProperty("seatsLeft").GetInt32();
        }

        var before = await SeatsLeftInSearchAsync(null);
        await cluster.OnStandbyAsync("SELECT pg_wal_replay_pause()");
        try
        {
            var paused = Stopwatch.StartNew();
            while (await cluster.OnStandbyAsync<string>("SELECT pg_get_wal_replay_pause_state()") != "paused" && paused.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(100);

            using var apply = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/shifts/{shift}/applications");
            apply.Headers.Authorization = new AuthenticationHeaderValue("Bearer", man.Token);
            using var applied = await api.SendAsync(apply);
            Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
            // The write set the read-your-writes cookie: with it, this visitor's reads go to the primary, on any node.
            var cookie = applied.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("athar.rw=", StringComparison.Ordinal));
            // Search's seats left follow the shift's claim at the next seat fold (a node's job, every 2 s) on the primary.
            var folding = Stopwatch.StartNew();
            while (await cluster.QueryAsync<int>($"""SELECT "SeatsLeft" FROM "SearchableOpportunities" WHERE "OpportunityId" = '{opportunity}'""") != before - 1
                   && folding.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(100);
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(before - 1, await SeatsLeftInSearchAsync(cookie));
                // Everyone else reads the standby, which has not replayed the write.
                Assert.Equal(before, await SeatsLeftInSearchAsync(null));
            }
            Assert.True(await cluster.QueryAsync<bool>($"""SELECT EXISTS (SELECT 1 FROM "Applications" WHERE "ShiftId" = '{shift}' AND "Status" = 2 AND "VolunteerId" = (SELECT "Id" FROM "AspNetUsers" WHERE "Email" = '{man.Email}'))"""));
        }
        finally
        {
            await cluster.OnStandbyAsync("SELECT pg_wal_replay_resume()");
        }

        var resumed = Stopwatch.StartNew();
        var seen = before;
        while (seen != before - 1 && resumed.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
            seen = await SeatsLeftInSearchAsync(null);
        }
        Report($"STANDBY: public search saw the write {resumed.Elapsed.TotalSeconds:0.0} s after the standby's replay resumed (the writer saw it at once)");
        Assert.Equal(before - 1, seen);
    }

    [Fact]
    [RunsLast]
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

    private static async Task<List<Volunteer>> RegisterAndSignInAsync(HttpClient api, string run, int count, string gender = "female")
    {
        var volunteers = new ConcurrentBag<Volunteer>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, ct) =>
        {
            var registration = await RegisterAsync(api, run, gender);
            Assert.Equal(HttpStatusCode.Accepted, registration.StatusCode);
            var email = registration.RequestMessage!.Options.TryGetValue(EmailKey, out var e) ? e : throw new InvalidOperationException();
            volunteers.Add(new Volunteer(email, await SignInAsync(api, email, Password)));
        });
        return [.. volunteers];
    }

    private static async Task<string> SignInAsync(HttpClient api, string identifier, string password)
    {
        using var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { identifier, password }, Json);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>An API call with a bearer token; no answer (a node killed mid-request) reads as 502, as nginx would say.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement? Body)> SendAsync(HttpClient api, HttpMethod method, string path, string token, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await api.SendAsync(request, cancellationToken);
            var json = response.Content.Headers.ContentType?.MediaType == "application/json" ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) : (JsonElement?)null;
            return (response.StatusCode, json);
        }
        catch (HttpRequestException)
        {
            // The outcome is unknown to the client: it may or may not have been applied.
            return (HttpStatusCode.BadGateway, null);
        }
    }

    /// <summary>The supervisor shows the shift's current code (it changes every few minutes); the volunteer scans it.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement? Body)> ScanAsync(HttpClient api, string staff, Volunteer volunteer, Guid shift, CancellationToken cancellationToken)
    {
        var (status, code) = await SendAsync(api, HttpMethod.Get, $"/api/v1/shifts/{shift}/check-in-code", staff, null, cancellationToken);
        return status != HttpStatusCode.OK
            ? (status, null)
            : await SendAsync(api, HttpMethod.Post, $"/api/v1/shifts/{shift}/scan", volunteer.Token, new { code = code!.Value.GetProperty("code").GetString() }, cancellationToken);
    }

    private const string Password = "Cluster-Test-2026";
    private static readonly HttpRequestOptionsKey<string> EmailKey = new("email");

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient api, string run, string gender = "female")
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
                gender,
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
