using Athar.Core.Certificates;
using Athar.Core.Licensing;
using Athar.Data;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Certificates;

/// <summary>
/// Verifies a code: unknown, or a document Athar issued whose seal still matches the live record
/// (genuine), no longer matches (altered), was sealed under a retired key, or certifies a licence that is now revoked, suspended or expired.
/// </summary>
public sealed class Verification(AtharDbContext db, CertifiedRecords records, DocumentSeal seal)
{
    public sealed record Result(VerificationStatus Status, string? Code, DocumentKind? Kind, DateTimeOffset? IssuedAt, CertifiedRecord? Record);

    public async Task<Result> VerifyAsync(string? typed, CancellationToken cancellationToken)
    {
        if (VerificationCode.Normalize(typed) is not { } code)
            return new Result(VerificationStatus.Unknown, null, null, null, null);
        var document = await db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (document is null)
            return new Result(VerificationStatus.Unknown, code, null, null, null);

        var record = await records.ForDocumentAsync(document, cancellationToken);
        var check = record is null ? SealCheck.DoesNotMatch : await seal.CheckAsync(document.Fingerprint, record.Kind, [.. record.SealedValues]);
        if (check == SealCheck.KeyNotInRing)
            // Sealed under a retired key (or a key id nobody issued): Athar can no longer vouch for it either way.
            return new Result(VerificationStatus.KeyRetired, code, document.Kind, document.IssuedAt, null);
        if (check == SealCheck.DoesNotMatch)
            // What the document claims is no longer what the record says: show nothing of it.
            return new Result(VerificationStatus.Altered, code, document.Kind, document.IssuedAt, null);

        var status = record is LicenseRecord licence ? licence.Status switch
        {
            LicenseStatus.Revoked => VerificationStatus.Revoked,
            LicenseStatus.Suspended => VerificationStatus.Suspended,
            LicenseStatus.Expired => VerificationStatus.Expired,
            _ => VerificationStatus.Genuine,
        } : VerificationStatus.Genuine;
        return new Result(status, code, document.Kind, document.IssuedAt, record);
    }
}
