using System.Security.Claims;
using Athar.Core.Calendar;
using Athar.Core.Certificates;
using Athar.Core.Localization;
using Athar.Core.Recognition;
using Athar.Data;
using Athar.Web.Features.Certificates;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Awards;

/// <summary>
/// A winner's certificate of appreciation. The holder of record is the volunteer for an individual, and
/// otherwise the person who made the nomination (documents belong to people); the name on it is the nominee's.
/// </summary>
public sealed record AwardWinnerRecord(
    Guid HolderUserId, LocalizedText HolderName, Guid NominationId, int AwardYear, AwardTrack Track, LocalizedText Nominator, NomineeKind Nominee, DateOnly HonouredOn)
    : CertifiedRecord(DocumentKind.AwardWinner, HolderUserId, NominationId, AwardYear, HolderName)
{
    public override IEnumerable<string> SealedValues =>
        [.. Common(), Track.ToString(), Nominee.ToString(), Nominator.Ar, Nominator.En ?? "", HonouredOn.ToString("O", System.Globalization.CultureInfo.InvariantCulture)];
}

public sealed class AwardCertificates(AtharDbContext db, AwardResults results)
{
    /// <summary>The certified record of a published winner; null for anything else.</summary>
    public async Task<AwardWinnerRecord?> RecordAsync(Guid nominationId, CancellationToken ct)
    {
        var row = await (from source in db.AwardNominations.AsNoTracking()
                         join c in db.AwardCycles on source.CycleId equals c.Id
                         where source.Id == nominationId && source.IsWinner && c.Status == AwardCycleStatus.Published
                         select new { c.Year, c.PublishedAt, source.NominatedBy }).FirstOrDefaultAsync(ct);
        if (row is null || await results.Nominees(x => x.Id == nominationId).FirstOrDefaultAsync(ct) is not { } n)
            return null;
        return new AwardWinnerRecord(n.NomineeUserId ?? row.NominatedBy, n.Name, nominationId, row.Year, n.Track, n.Nominator, n.Kind,
            DualDate.ToSaudiDate(row.PublishedAt!.Value));
    }

    /// <summary>Who may download it: the volunteer honoured, the staff of the honoured or nominating organisation, platform admins.</summary>
    public async Task<bool> MayDownloadAsync(ClaimsPrincipal user, Guid nominationId, CancellationToken ct)
    {
        if (user.IsInRole(Core.Accounts.Roles.PlatformAdmin))
            return true;
        if (user.UserId() is not { } userId)
            return false;
        return await db.AwardNominations.AnyAsync(n => n.Id == nominationId && (n.NomineeUserId == userId ||
            db.OrganizationMembers.Any(m => m.UserId == userId && (m.OrganizationId == n.NominatorOrganizationId || m.OrganizationId == n.NomineeOrganizationId))), ct);
    }
}
