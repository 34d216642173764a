using Athar.Core.Recognition;
using Athar.Data;
using Athar.Web.Features.Certificates;
using Athar.Web.Features.Participation;
using Athar.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Awards;

/// <summary>
/// After publication: each winner's certificate is issued (so the honours page can link its verification
/// code) and the nominating organisation's admin who nominated, and an honoured volunteer, are told.
/// Issuing is idempotent (the seal is unique), so running this twice changes nothing.
/// </summary>
public sealed class AwardPublication(AtharDbContext db, AwardResults results, AwardCertificates certificates, DocumentIssuer issuer, Notifier notifier, IStringLocalizer<CertificatesText> t)
{
    public async Task AfterPublishingAsync(Guid cycleId, CancellationToken ct)
    {
        var winners = await results.Nominees(n => n.CycleId == cycleId && n.IsWinner).ToListAsync(ct);
        foreach (var winner in winners)
        {
            if (await certificates.RecordAsync(winner.NominationId, ct) is not { } record)
                continue;
            await issuer.IssueAsync(record, ct);
            var nominatedBy = await db.AwardNominations.Where(n => n.Id == winner.NominationId).Select(n => n.NominatedBy).FirstAsync(ct);
            var year = record.AwardYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var track = BothLanguages.ForNotification(t, $"AwardTrack.{winner.Track}");
            foreach (var person in new[] { nominatedBy, winner.NomineeUserId }.OfType<Guid>().Distinct())
                await notifier.NotifyAsync(person, "AwardWon", "/honours", Notifier.Bilingual(winner.Name), year, track);
        }
        await db.SaveChangesAsync(ct);
    }
}
