using Athar.Core.Certificates;
using Athar.Web.Infrastructure;

namespace Athar.Web.Features.Certificates;

/// <summary>Seals documents with the platform's document key (shared by every node through <see cref="PlatformKeys"/>).</summary>
public sealed class DocumentSeal(PlatformKeys keys)
{
    private const string KeyName = "document-seal-key";

    public async Task<string> FingerprintAsync(DocumentKind kind, IEnumerable<string> values) =>
        DocumentFingerprint.Compute(await keys.GetAsync(KeyName), kind, values);
}
