using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Identity;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Data.Infrastructure;
using Athar.Data.Opportunities;
using Athar.Data.Participation;
using Microsoft.EntityFrameworkCore;

namespace Athar.FaultTests;

/// <summary>
/// The writes the fault tests send, prepared straight in the database of a running server: a shift of the demo
/// organisation in progress now, with accepted volunteers to check in and checked-out volunteers whose hours await
/// approval. Also the direct reads that prove what was stored.
/// </summary>
public sealed class Workload(DatabaseOptions database)
{
    public const string StaffEmail = "org.admin@athar.local";
    public const string StaffPassword = "Athar-Demo-2026";
    private static int _people = Random.Shared.Next(10_000_000, 90_000_000);

    public List<Guid> ApplicationsToCheckIn { get; } = [];

    public List<Guid> HoursToApprove { get; } = [];

    public AtharDbContext Open() => AtharDatabase.CreateContext(database);

    public async Task PrepareAsync(int checkIns, int approvals)
    {
        await using var db = Open();
        var staffId = await db.Users.Where(u => u.Email == StaffEmail).Select(u => u.Id).SingleAsync();
        var organizationId = await db.OrganizationMembers.Where(m => m.UserId == staffId).Select(m => m.OrganizationId).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var saudi = TimeSpan.FromHours(3);
        // In progress now (check-in is open), within one Saudi day (shifts do not cross midnight).
        var localStart = now.ToOffset(saudi).AddMinutes(-10);
        var start = new DateTime(localStart.Year, localStart.Month, localStart.Day, localStart.Hour, localStart.Minute, 0, DateTimeKind.Unspecified);
        var end = start.AddHours(3).Date != start.Date ? start.Date.AddHours(23).AddMinutes(59) : start.AddHours(3);
        var date = DateOnly.FromDateTime(start);
        var opportunity = new Opportunity
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId,
            Title = new LocalizedText("فرصة لاختبار الأعطال", "Fault test opportunity"), Description = new LocalizedText("وصف", "Description"),
            FieldId = 3, RegionId = 1, CityId = 101, Status = OpportunityStatus.Published,
            StartDate = date, EndDate = date, CreatedAt = now, PublishedAt = now, SearchText = " fault test ",
        };
        var shift = new Shift
        {
            Id = Guid.NewGuid(), OpportunityId = opportunity.Id, Date = date, StartTime = TimeOnly.FromDateTime(start), EndTime = TimeOnly.FromDateTime(end),
            Seats = checkIns + approvals, Accepted = checkIns + approvals,
            StartsAt = new DateTimeOffset(start, saudi).ToUniversalTime(), EndsAt = new DateTimeOffset(end, saudi).ToUniversalTime(),
        };
        opportunity.Shifts.Add(shift);
        opportunity.SeatsTotal = shift.Seats;
        opportunity.NextShiftStartsAt = shift.StartsAt;
        db.Opportunities.Add(opportunity);

        for (var i = 0; i < checkIns + approvals; i++)
        {
            var volunteerId = AddVolunteer(db, now);
            var application = new Application { Id = Guid.NewGuid(), OpportunityId = opportunity.Id, ShiftId = shift.Id, VolunteerId = volunteerId, Status = ApplicationStatus.Accepted, CreatedAt = now };
            db.Applications.Add(application);
            if (i < checkIns)
            {
                ApplicationsToCheckIn.Add(application.Id);
                continue;
            }
            var attendance = new AttendanceRecord
            {
                Id = Guid.NewGuid(), ApplicationId = application.Id, ShiftId = shift.Id, VolunteerId = volunteerId,
                CheckInAt = shift.StartsAt, CheckInMethod = CheckMethod.Supervisor, CheckOutAt = shift.StartsAt.AddHours(2), CheckOutMethod = CheckMethod.Supervisor,
            };
            var hours = new VolunteerHours
            {
                Id = Guid.NewGuid(), AttendanceId = attendance.Id, VolunteerId = volunteerId, OrganizationId = organizationId, OpportunityId = opportunity.Id,
                ShiftId = shift.Id, FieldId = opportunity.FieldId, RegionId = opportunity.RegionId, Date = date,
                AttendedMinutes = 120, CreditedMinutes = 120, Status = HoursStatus.Pending, CreatedAt = now,
            };
            db.Attendance.Add(attendance);
            db.VolunteerHours.Add(hours);
            HoursToApprove.Add(hours.Id);
        }
        await db.SaveChangesAsync();
    }

    private static Guid AddVolunteer(AtharDbContext db, DateTimeOffset now)
    {
        var n = Interlocked.Increment(ref _people);
        var id = Guid.NewGuid();
        var email = $"fault{n}@faults.test";
        db.Users.Add(new AtharUser
        {
            Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            FullNameAr = "متطوع لاختبار الأعطال", CreatedAt = now, SecurityStamp = Guid.NewGuid().ToString(),
        });
        db.Volunteers.Add(new Volunteer
        {
            UserId = id, NationalId = NationalId.FromNineDigits("1" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture)).Value,
            Gender = Gender.Female, BirthDate = new DateOnly(1996, 3, 3), RegionId = 1, CityId = 101, RegisteredAt = now,
        });
        return id;
    }

    /// <summary>What the database holds for the prepared writes: attendance per application, approval entries per hours.</summary>
    public async Task<Stored> ReadAsync()
    {
        await using var db = Open();
        var attendance = await db.Attendance.AsNoTracking().Where(a => ApplicationsToCheckIn.Contains(a.ApplicationId))
            .Select(a => new { a.Id, a.ApplicationId }).ToListAsync();
        var approved = await db.VolunteerHours.AsNoTracking().Where(h => HoursToApprove.Contains(h.Id) && h.Status == HoursStatus.Approved)
            .Select(h => h.Id).ToListAsync();
        var approvals = await db.HoursAudit.AsNoTracking().Where(a => HoursToApprove.Contains(a.HoursId) && a.Action == "approved")
            .Select(a => a.HoursId).ToListAsync();
        return new Stored(
            attendance.GroupBy(a => a.ApplicationId).ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToList()),
            [.. approved],
            approvals.GroupBy(h => h).ToDictionary(g => g.Key, g => g.Count()));
    }

    public sealed record Stored(Dictionary<Guid, List<Guid>> AttendanceByApplication, HashSet<Guid> ApprovedHours, Dictionary<Guid, int> ApprovalEntriesByHours)
    {
        /// <summary>
        /// Nothing is there twice (one attendance per application, one approval entry per hours), and every write the
        /// client saw acknowledged is there: the check-in as the very record each 2xx (first answer or replay) named.
        /// </summary>
        public void AssertEveryAcknowledgedWriteStoredExactlyOnce(IEnumerable<Write> writes)
        {
            Xunit.Assert.All(AttendanceByApplication.Values, ids => Xunit.Assert.Single(ids));
            Xunit.Assert.All(ApprovalEntriesByHours.Values, count => Xunit.Assert.Equal(1, count));
            foreach (var write in writes.Where(w => w.Acknowledged))
            {
                var id = Guid.Parse(write.Path.Split('/')[4]);
                if (write.Path.EndsWith("/check-in", StringComparison.Ordinal))
                {
                    var attendance = Xunit.Assert.Single(AttendanceByApplication[id]);
                    Xunit.Assert.All(write.AttendanceIds, answered => Xunit.Assert.Equal(attendance, answered));
                }
                else
                {
                    Xunit.Assert.Contains(id, ApprovedHours);
                }
            }
        }
    }
}

/// <summary>One write as the client saw it: its key (the same on every retry) and every answer (0 = none came).</summary>
public sealed record Write(string Path, string Key)
{
    public List<HttpStatusCode> Answers { get; } = [];

    /// <summary>The attendance every acknowledged check-in answered with (a replay must name the same one).</summary>
    public List<Guid> AttendanceIds { get; } = [];

    public bool Acknowledged => Answers.Any(IsSuccess);

    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}

/// <summary>The API as a staff member's client sees it: bearer token, Idempotency-Key on every write.</summary>
public static class StaffApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<HttpClient> SignInAsync(Uri server)
    {
        var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(90) };
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier = Workload.StaffEmail, password = Workload.StaffPassword }, Json);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static List<Write> Writes(Workload workload, string run) =>
        [.. workload.ApplicationsToCheckIn.Select(id => new Write($"/api/v1/applications/{id}/check-in", $"{run}-in-{id:N}"))
            .Concat(workload.HoursToApprove.Select(id => new Write($"/api/v1/hours/{id}/approve", $"{run}-ok-{id:N}")))
            .OrderBy(_ => Random.Shared.Next())];

    /// <summary>Sends the write once; no answer (the server died, the connection broke) is status 0: the outcome is unknown.</summary>
    public static async Task<(HttpStatusCode Status, HttpResponseMessage? Response)> SendAsync(HttpClient client, Write write, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, write.Path);
        request.Headers.Add("Idempotency-Key", write.Key);
        try
        {
            var response = await client.SendAsync(request, cancellationToken);
            write.Answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK && write.Path.EndsWith("/check-in", StringComparison.Ordinal))
                write.AttendanceIds.Add((await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid());
            return (response.StatusCode, response);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            write.Answers.Add(0);
            return (0, null);
        }
    }
}
