using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Certificates;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Certificates;

/// <summary>
/// Rotating the platform keys (docs/cryptography.md): each step is a node started on the same database with the
/// next configuration, as an operator would restart every node.
/// </summary>
public sealed class KeyRotationTests
{
    private static readonly string FirstSecret = Convert.ToBase64String(Enumerable.Repeat((byte)0x11, 32).ToArray());
    private static readonly string SecondSecret = Convert.ToBase64String(Enumerable.Repeat((byte)0x22, 32).ToArray());

    private static AtharAppFactory Node(AtharAppFactory first, string purpose, Dictionary<string, string?> ring)
    {
        var settings = ring.ToDictionary(s => $"Athar:Keys:{purpose}:{s.Key}", s => s.Value);
        settings["Athar:Database:ConnectionString"] = first.ConnectionString;
        var node = new AtharAppFactory(first.Database, settings);
        _ = node.Server;
        return node;
    }

    private static Dictionary<string, string?> Current(string id, string secret) => new() { ["Current:Id"] = id, ["Current:Secret"] = secret };

    private static async Task<string> CardCodeAsync(AtharAppFactory node, Builders.StaffMember person) =>
        (await CertificateTests.DownloadAsync(await node.ApiAsAsync(person.Email, TestPeople.Password), "/me/documents/card")).Code;

    private static Task<string> StoredSealAsync(AtharAppFactory node, string code) =>
        node.QueryAsync(db => db.IssuedDocuments.Where(d => d.Code == VerificationCode.Normalize(code)).Select(d => d.Fingerprint).SingleAsync());

    private static async Task<string?> StatusAsync(AtharAppFactory node, string code)
    {
        var response = await node.Api("en").GetAsync($"/api/v1/verify/{code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("status").GetString();
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DocumentSeal_Rotated_KeepsOldDocumentsGenuine_NewOnesCarryTheNewId_AndARetiredKeysDocumentsFailCleanly(TestDatabase database)
    {
        await using var beforeKeyIds = new AtharAppFactory(database);
        var first = await beforeKeyIds.CreatePersonAsync([Roles.Volunteer]);
        var second = await beforeKeyIds.CreatePersonAsync([Roles.Volunteer]);
        var third = await beforeKeyIds.CreatePersonAsync([Roles.Volunteer]);
        var unnamedCode = await CardCodeAsync(beforeKeyIds, first);
        Assert.DoesNotContain('.', await StoredSealAsync(beforeKeyIds, unnamedCode));

        await using (var k1 = Node(beforeKeyIds, "DocumentSeal", Current("k1", FirstSecret)))
        {
            Assert.Equal("genuine", await StatusAsync(k1, unnamedCode));
            // The same values keep their document across the rotation.
            Assert.Equal(unnamedCode, await CardCodeAsync(k1, first));
        }
        await using var k1Again = Node(beforeKeyIds, "DocumentSeal", Current("k1", FirstSecret));
        var k1Code = await CardCodeAsync(k1Again, second);
        Assert.StartsWith("k1.", await StoredSealAsync(k1Again, k1Code), StringComparison.Ordinal);

        await using var k2 = Node(beforeKeyIds, "DocumentSeal", new(Current("k2", SecondSecret)) { ["Previous:k1"] = FirstSecret });
        Assert.Equal("genuine", await StatusAsync(k2, unnamedCode));
        Assert.Equal("genuine", await StatusAsync(k2, k1Code));
        var k2Code = await CardCodeAsync(k2, third);
        Assert.StartsWith("k2.", await StoredSealAsync(k2, k2Code), StringComparison.Ordinal);
        Assert.Equal("genuine", await StatusAsync(k2, k2Code));

        // k1 and the unnamed key retired: what they sealed is no longer vouched for, with its own status and message.
        await using var retired = Node(beforeKeyIds, "DocumentSeal", new(Current("k2", SecondSecret)) { ["RetireStoredKey"] = "true" });
        Assert.Equal("keyRetired", await StatusAsync(retired, k1Code));
        Assert.Equal("keyRetired", await StatusAsync(retired, unnamedCode));
        Assert.Equal("genuine", await StatusAsync(retired, k2Code));
        var page = await retired.Browser("ar").GetAsync($"/verify/{k1Code}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"KeyRetired\"", html, StringComparison.Ordinal);
        Assert.Contains("لم تعد قابلة للتحقق", html, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Email, html, StringComparison.Ordinal);
        // Downloading again gives a current copy under the current key.
        var reissued = await CardCodeAsync(retired, second);
        Assert.NotEqual(k1Code, reissued);
        Assert.Equal("genuine", await StatusAsync(retired, reissued));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DocumentSeal_WithATamperedKeyId_IsNotGenuine(TestDatabase database)
    {
        await using var k1 = new AtharAppFactory(database, Current("k1", FirstSecret).ToDictionary(s => $"Athar:Keys:DocumentSeal:{s.Key}", s => s.Value));
        var person = await k1.CreatePersonAsync([Roles.Volunteer]);
        var code = await CardCodeAsync(k1, person);
        await using var k2 = Node(k1, "DocumentSeal", new(Current("k2", SecondSecret)) { ["Previous:k1"] = FirstSecret });
        Assert.Equal("genuine", await StatusAsync(k2, code));

        async Task<string?> WithKeyIdAsync(string keyId)
        {
            var tampered = keyId + (await StoredSealAsync(k2, code))[2..];
            await k2.QueryAsync(db => db.IssuedDocuments.Where(d => d.Code == VerificationCode.Normalize(code))
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.Fingerprint, tampered)));
            return await StatusAsync(k2, code);
        }

        Assert.Equal("altered", await WithKeyIdAsync("k2"));
        Assert.Equal("keyRetired", await WithKeyIdAsync("k7"));
        Assert.Equal("genuine", await WithKeyIdAsync("k1"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CheckInCode_MadeJustBeforeARotation_StillChecksInWithinItsWindow(TestDatabase database)
    {
        await using var k1 = new AtharAppFactory(database, Current("k1", FirstSecret).ToDictionary(s => $"Athar:Keys:CheckIn:{s.Key}", s => s.Value));
        k1.MoveToNextMorning();
        var (org, _, supervisor) = await k1.CreateVerifiedOrganizationAsync();
        var opportunity = await k1.CreatePublishedOpportunityAsync(org, [k1.ShiftFromNow(TimeSpan.FromHours(3), TimeSpan.FromHours(4), 10)], autoAccept: true);
        var shift = opportunity.Shifts[0];
        var person = await k1.CreatePersonAsync([Roles.Volunteer]);
        Assert.Equal(HttpStatusCode.Created, (await (await k1.ApiAsAsync(person.Email, TestPeople.Password)).PostAsJsonAsync($"/api/v1/shifts/{shift.Id}/applications", new { })).StatusCode);
        k1.Clock.SetUtcNow(shift.StartsAt.AddMinutes(5));
        var code = (await (await (await k1.ApiAsAsync(supervisor.Email, TestPeople.Password)).GetAsync($"/api/v1/shifts/{shift.Id}/check-in-code")).ReadJsonAsync()).GetProperty("code").GetString();
        Assert.StartsWith("k1.", code, StringComparison.Ordinal);

        await using var k2 = Node(k1, "CheckIn", new(Current("k2", SecondSecret)) { ["Previous:k1"] = FirstSecret });
        k2.Clock.SetUtcNow(shift.StartsAt.AddMinutes(5).AddSeconds(30));
        var newCode = (await (await (await k2.ApiAsAsync(supervisor.Email, TestPeople.Password)).GetAsync($"/api/v1/shifts/{shift.Id}/check-in-code")).ReadJsonAsync()).GetProperty("code").GetString();
        var scanned = await (await k2.ApiAsAsync(person.Email, TestPeople.Password)).PostAsJsonAsync($"/api/v1/shifts/{shift.Id}/scan", new { code });

        Assert.StartsWith("k2.", newCode, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
    }

    [Fact]
    public async Task AnInvalidKeyRing_StopsTheAppAtStartUp_NamingTheSetting()
    {
        await using var app = new AtharAppFactory(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Athar:Keys:DocumentSeal:Current:Id"] = "K!",
            ["Athar:Keys:DocumentSeal:Current:Secret"] = "c2hvcnQ=",
        });
        var failure = Assert.ThrowsAny<Exception>(() => app.Server);
        var message = failure.ToString();
        Assert.Contains("Athar:Keys:DocumentSeal:Current: the key id 'K!'", message, StringComparison.Ordinal);
        Assert.Contains("Athar:Keys:DocumentSeal:Current: the secret must be at least 32 random bytes", message, StringComparison.Ordinal);
    }
}
