namespace Athar.Documents;

/// <summary>
/// The content of an A4 certificate: participation certificate, training certificate, licence certificate or
/// annual hours statement. Every string is printed as given; the renderer only lays it out.
/// </summary>
/// <param name="Issuer">The issuing platform, printed at the top.</param>
/// <param name="Title">The kind of document, e.g. "شهادة مشاركة تطوعية" / "Volunteer Participation Certificate".</param>
/// <param name="Statement">The sentence that introduces the holder, e.g. "تشهد منصة أثر بأن" / "Athar certifies that".</param>
/// <param name="HolderName">The volunteer's name in both scripts.</param>
/// <param name="Facts">Labelled values, printed Arabic on the right half and English on the left half, row by row.</param>
/// <param name="Table">An optional table (may span pages).</param>
/// <param name="VerificationCode">The code printed under the QR code.</param>
/// <param name="VerificationUrl">The address encoded in the QR code and printed small under it.</param>
/// <param name="VerificationHint">A line telling the reader how to verify the document.</param>
/// <param name="CreatedAt">The PDF's creation date; the same sheet always renders to the same bytes.</param>
public sealed record CertificateSheet(
    BilingualText Issuer,
    BilingualText Title,
    BilingualText Statement,
    BilingualText HolderName,
    IReadOnlyList<DocumentFact> Facts,
    DocumentTable? Table,
    string VerificationCode,
    string VerificationUrl,
    BilingualText VerificationHint,
    DateTimeOffset CreatedAt);
