using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Platform;

/// <summary>
/// The Data Protection key ring (what session cookies, tokens and e-mail links are sealed with) is encrypted at rest
/// when a certificate is configured, and read back with it; without one it is stored in the clear (the control).
/// </summary>
public sealed class KeyRingEncryptionTests
{
    private const string Password = "Key-Ring-Test-2026";

    private static string CertificateFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"athar-key-ring-{Guid.NewGuid():N}.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Athar key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    /// <summary>Opens a page with a form, whose antiforgery token makes the app create and store its first key; returns the stored key XML.</summary>
    private static async Task<List<string>> StoredKeysAsync(AtharAppFactory app)
    {
        var response = await app.CreateClient().GetAsync("/account/login");
        response.EnsureSuccessStatusCode();
        return await app.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
    }

    [Fact]
    public async Task WithACertificate_TheKeyRingIsStoredEncrypted_AndReadBack()
    {
        var certificate = CertificateFile();
        try
        {
            await using var app = new AtharAppFactory(TestDatabase.Sqlite, new Dictionary<string, string?>
            {
                ["Athar:DataProtection:Certificate:Path"] = certificate,
                ["Athar:DataProtection:Certificate:Password"] = Password,
            });
            var stored = await StoredKeysAsync(app);

            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
            // The key manager reads the stored keys again and decrypts each one's descriptor with the certificate.
            var keys = app.Services.GetRequiredService<IKeyManager>().GetAllKeys();
            Assert.Equal(stored.Count, keys.Count);
            Assert.All(keys, key => Assert.NotNull(key.Descriptor));
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Fact]
    public async Task WithoutACertificate_TheKeyRingIsStoredInTheClear()
    {
        await using var app = new AtharAppFactory(TestDatabase.Sqlite);
        var stored = await StoredKeysAsync(app);

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<encryptedSecret", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AnUnreadableCertificate_StopsTheAppWithWhatIsWrong()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"athar-missing-{Guid.NewGuid():N}.pfx");
        using var app = new AtharAppFactory(TestDatabase.Sqlite, new Dictionary<string, string?> { ["Athar:DataProtection:Certificate:Path"] = missing });

        var failure = Record.Exception(() => app.Services);

        Assert.NotNull(failure);
        var messages = new List<string>();
        for (var e = failure; e is not null; e = e.InnerException)
            messages.Add(e.Message);
        var said = string.Join(" | ", messages);
        Assert.Contains("Athar:DataProtection: cannot load the certificate", said, StringComparison.Ordinal);
        Assert.Contains(missing, said, StringComparison.Ordinal);
    }
}
