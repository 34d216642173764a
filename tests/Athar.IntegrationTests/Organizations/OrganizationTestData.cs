using System.Globalization;
using System.Text.RegularExpressions;
using Athar.Core.Accounts;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Organizations;

/// <summary>Test data for the organisations feature: registrations, organisations in a chosen status, invitation links from the outbox.</summary>
public static partial class OrganizationTestData
{
    private static int _counter = Random.Shared.Next(100_000, 900_000);

    public static string NewRegistrationNumber() =>
        "70" + Interlocked.Increment(ref _counter).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A valid registration (Makkah region, Jeddah, two fields) as the API's JSON body.</summary>
    public static Dictionary<string, object?> Registration(Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["nameAr"] = "جمعية البر بجدة",
            ["nameEn"] = "Al-Birr Association Jeddah",
            ["type"] = "nonProfitAssociation",
            ["registrationNumber"] = NewRegistrationNumber(),
            ["regionId"] = 2,
            ["cityId"] = 202,
            ["fieldIds"] = new[] { 3, 12 },
            ["contactEmail"] = "info@albirr.org.sa",
            ["contactPhone"] = "0126543210",
            ["website"] = "albirr.org.sa",
        };
        change?.Invoke(body);
        return body;
    }

    /// <summary>The same registration as the page's form fields.</summary>
    public static List<KeyValuePair<string, string>> Form(Dictionary<string, object?> body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in body)
        {
            var name = "Input." + char.ToUpperInvariant(key[0]) + key[1..];
            switch (value)
            {
                case int[] ids:
                    fields.AddRange(ids.Select(i => new KeyValuePair<string, string>(name, i.ToString(CultureInfo.InvariantCulture))));
                    break;
                case string text when key == "type":
                    fields.Add(new(name, char.ToUpperInvariant(text[0]) + text[1..]));
                    break;
                default:
                    fields.Add(new(name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                    break;
            }
        }
        return fields;
    }

    /// <summary>An organisation in the given status with an admin and a supervisor who can sign in (password <see cref="TestPeople.Password"/>).</summary>
    public static async Task<(Guid Id, Builders.StaffMember Admin, Builders.StaffMember Supervisor)> CreateOrganizationAsync(
        this AtharAppFactory app, OrganizationStatus status, int regionId = 1, int cityId = 101, string? reason = null)
    {
        var (id, admin, supervisor) = await app.CreateVerifiedOrganizationAsync(regionId, cityId);
        if (status != OrganizationStatus.Verified || reason is not null)
            await app.QueryAsync(db => db.Organizations.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status).SetProperty(o => o.StatusReason, reason)));
        return (id, admin, supervisor);
    }

    public static Task<Builders.StaffMember> CreateVolunteerAsync(this AtharAppFactory app) => app.CreatePersonAsync([Roles.Volunteer]);

    /// <summary>The token of the newest invitation link sent to this e-mail or mobile, read from the outbox as the recipient would.</summary>
    public static async Task<string> InvitationTokenAsync(this AtharAppFactory app, string recipient)
    {
        var body = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Recipient == recipient).OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync());
        var match = InvitationLink().Match(body);
        Assert.True(match.Success, $"No invitation link in: {body}");
        return match.Groups[1].Value;
    }

    public static async Task<OrganizationStatus> StatusAsync(this AtharAppFactory app, Guid id) =>
        await app.QueryAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Status).SingleAsync());

    public static async Task<bool> IsInRoleAsync(this AtharAppFactory app, Guid userId, string role) =>
        await app.QueryAsync(db => (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == userId && r.Name == role
            select ur).AnyAsync());

    [GeneratedRegex("http://athar\\.test/org/invitations/([A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();
}
