using Athar.Core.Certificates;
using Athar.Data;
using Athar.Data.Certificates;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Certificates;

/// <summary>
/// Gives a certified record its verification code: the same sealed values always map to the same
/// document (a unique index on the seal settles concurrent downloads), also across a key rotation while the old
/// key is still in the ring; changed values get a new document and the old code stops verifying as genuine.
/// </summary>
public sealed class DocumentIssuer(AtharDbContext db, DocumentSeal seal, TimeProvider clock)
{
    public async Task<IssuedDocument> IssueAsync(CertifiedRecord record, CancellationToken cancellationToken)
    {
        var values = record.SealedValues.ToList();
        // The same values sealed under an earlier key that is still in the ring keep that document and its code.
        var seals = await seal.SealsUnderEveryKeyAsync(record.Kind, values);
        if (await db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => seals.Contains(d.Fingerprint), cancellationToken) is { } existing)
            return existing;
        var fingerprint = await seal.SealAsync(record.Kind, values);
        var now = clock.GetUtcNow();
        var document = new IssuedDocument
        {
            Id = Guid.CreateVersion7(now),
            Code = VerificationCode.New(),
            Kind = record.Kind,
            HolderUserId = record.HolderUserId,
            SubjectId = record.SubjectId,
            Year = record.Year,
            Fingerprint = fingerprint,
            IssuedAt = now,
        };
        db.IssuedDocuments.Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return document;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.IssuedDocuments.AsNoTracking().FirstAsync(d => d.Fingerprint == fingerprint, cancellationToken);
        }
    }
}
