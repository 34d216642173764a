using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Common;
using Athar.Data.Platform;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Athar.IntegrationTests.Platform;

/// <summary>
/// The keys the platform makes for itself in the database (check-in codes, document seals) are stored sealed with Data
/// Protection; a key stored in the clear by an earlier version keeps working and is rewritten sealed on first use.
/// </summary>
public sealed class PlatformKeyProtectionTests
{
    private const string CheckInKey = "checkin-code-key";
    private const string SealKey = "document-seal-key";
    private static readonly byte[] ClearSecret = Enumerable.Repeat((byte)0x5a, 32).ToArray();

    private static Task<string> StoredAsync(AtharAppFactory app, string name) =>
        app.QueryAsync(db => db.PlatformSettings.Where(s => s.Key == name).Select(s => s.Value).SingleAsync());

    /// <summary>Another node on the same database, with nothing cached.</summary>
    private static AtharAppFactory NodeOn(AtharAppFactory first)
    {
        var node = new AtharAppFactory(first.Database, new Dictionary<string, string?> { ["Athar:Database:ConnectionString"] = first.ConnectionString });
        _ = node.Server;
        return node;
    }

    private static Task<byte[]> KeyAsync(AtharAppFactory app, string name) => app.Services.GetRequiredService<PlatformKeys>().GetAsync(name);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ANewKey_IsStoredProtected_NeverAsTheSecret_AndAnotherNodeReadsTheSameKey(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var code = (await Certificates.CertificateTests.DownloadAsync(await app.ApiAsAsync(person.Email, TestPeople.Password), "/me/documents/card")).Code;
        var secret = await KeyAsync(app, SealKey);

        var stored = await StoredAsync(app, SealKey);
        Assert.StartsWith(PlatformKeys.ProtectedPrefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(secret), stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(secret), stored, StringComparison.OrdinalIgnoreCase);

        await using var node = NodeOn(app);
        Assert.Equal(secret, await KeyAsync(node, SealKey));
        var verified = await (await node.Api("en").GetAsync($"/api/v1/verify/{code}")).ReadJsonAsync();
        Assert.Equal("genuine", verified.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AKeyStoredInTheClear_StillAcceptsTheCodesItMade_AndIsRewrittenProtected(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database);
        app.MoveToNextMorning();
        await app.QueryAsync(async db =>
        {
            await db.PlatformSettings.Where(s => s.Key == CheckInKey).ExecuteDeleteAsync();
            db.PlatformSettings.Add(new PlatformSetting { Key = CheckInKey, Value = Convert.ToBase64String(ClearSecret), CreatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var (org, _, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(org, [app.ShiftFromNow(TimeSpan.FromHours(3), TimeSpan.FromHours(4), 10)], autoAccept: true);
        var shift = opportunity.Shifts[0];
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var volunteer = await app.ApiAsAsync(person.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.Created, (await volunteer.PostAsJsonAsync($"/api/v1/shifts/{shift.Id}/applications", new { })).StatusCode);
        app.Clock.SetUtcNow(shift.StartsAt.AddMinutes(5));
        // The code the clear key makes, computed outside the app as the earlier version issued it.
        var window = TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<HoursPolicy>>().Value.CheckInCodeSeconds);
        var oldCode = new ShiftCheckInCode(new SigningKeyRing(new SigningKey("", ClearSecret), []), window).Issue(shift.Id, app.Clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, (await volunteer.PostAsJsonAsync($"/api/v1/shifts/{shift.Id}/scan", new { code = oldCode })).StatusCode);

        var stored = await StoredAsync(app, CheckInKey);
        Assert.StartsWith(PlatformKeys.ProtectedPrefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(ClearSecret), stored, StringComparison.Ordinal);
        await using var node = NodeOn(app);
        Assert.Equal(ClearSecret, await KeyAsync(node, CheckInKey));
    }
}
