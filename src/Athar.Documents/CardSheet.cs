namespace Athar.Documents;

/// <summary>
/// The content of a volunteer identity card, rendered as two ID-1 pages (85.6 × 54 mm): the front with the
/// names, the QR code and the verification code, the back with the facts (volunteer number, region, active
/// licences…) in both languages.
/// </summary>
/// <param name="Issuer">The issuing platform, printed in the card's header band.</param>
/// <param name="Title">The kind of card, e.g. "بطاقة متطوع" / "Volunteer Card".</param>
/// <param name="HolderName">The volunteer's name in both scripts.</param>
/// <param name="Facts">Labelled values printed on the back; the text shrinks to fit many of them.</param>
/// <param name="VerificationCode">The code printed under the QR code.</param>
/// <param name="VerificationUrl">The address encoded in the QR code.</param>
/// <param name="CreatedAt">The PDF's creation date; the same sheet always renders to the same bytes.</param>
public sealed record CardSheet(
    BilingualText Issuer,
    BilingualText Title,
    BilingualText HolderName,
    IReadOnlyList<DocumentFact> Facts,
    string VerificationCode,
    string VerificationUrl,
    DateTimeOffset CreatedAt);
