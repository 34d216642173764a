using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Athar.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Athar.Web.Infrastructure;

/// <summary>A PKCS #12 file (certificate with its private key) and its password.</summary>
public sealed class CertificateFile
{
    public string Path { get; set; } = "";

    public string? Password { get; set; }
}

/// <summary>
/// <c>Athar:DataProtection</c>: the certificate that encrypts the Data Protection key ring at rest, and the ones it
/// replaced (keys written under them stay readable until they expire). Without a certificate the keys are stored in
/// the clear, readable by anyone who can read the database (docs/cryptography.md).
/// </summary>
public sealed class KeyRingOptions
{
    public CertificateFile? Certificate { get; set; }

    public List<CertificateFile> PreviousCertificates { get; set; } = [];
}

/// <summary>
/// The Data Protection key ring (cookies, tokens, antiforgery, e-mail links): kept in the database so every node
/// shares it (ADR 0016), and encrypted with a certificate when one is configured (ASVS 11.x, keys protected at rest).
/// </summary>
internal static class KeyRing
{
    public const string Section = "Athar:DataProtection";

    public static void AddAtharKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var keyRing = services.AddDataProtection()
            .SetApplicationName("Athar")
            .PersistKeysToDbContext<AtharDbContext>();
        var options = configuration.GetSection(Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (options.Certificate is not { Path.Length: > 0 } current)
            return;
        var certificate = Load(current);
        keyRing.ProtectKeysWithCertificate(certificate);
        // Decryption is given the certificates outright: on Linux EncryptedXml would otherwise look in a store.
        keyRing.UnprotectKeysWithAnyCertificate([certificate, .. options.PreviousCertificates.Where(c => c.Path.Length > 0).Select(Load)]);
    }

    private static X509Certificate2 Load(CertificateFile file)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"{Section}: the certificate in '{file.Path}' has no private key, so the keys it encrypts could not be read back.");
            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{Section}: cannot load the certificate '{file.Path}': {e.Message}", e);
        }
    }
}
