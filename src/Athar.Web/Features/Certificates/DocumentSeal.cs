using Athar.Core.Certificates;
using Athar.Web.Infrastructure;

namespace Athar.Web.Features.Certificates;

/// <summary>
/// Seals documents with the document seal key ring (<c>Athar:Keys:DocumentSeal</c>, the same on every node): the
/// current key seals, every key in the ring still verifies what it sealed.
/// </summary>
public sealed class DocumentSeal(PlatformKeyRings rings)
{
    public async Task<string> SealAsync(DocumentKind kind, IReadOnlyList<string> values) =>
        DocumentFingerprint.Seal((await rings.GetAsync(PlatformKeyRings.DocumentSeal)).Current, kind, values);

    /// <summary>The seal these values have under every key of the ring: a record sealed before a rotation keeps its document.</summary>
    public async Task<List<string>> SealsUnderEveryKeyAsync(DocumentKind kind, IReadOnlyList<string> values) =>
        [.. (await rings.GetAsync(PlatformKeyRings.DocumentSeal)).All.Select(key => DocumentFingerprint.Seal(key, kind, values))];

    public async Task<SealCheck> CheckAsync(string stored, DocumentKind kind, IReadOnlyList<string> values) =>
        DocumentFingerprint.Check(stored, await rings.GetAsync(PlatformKeyRings.DocumentSeal), kind, values);
}
