using System.Security.Claims;
using Athar.Core.Common;
using Athar.Core.Programs;
using Athar.Data;
using Athar.Data.Programs;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Programs;

/// <summary>
/// Links an opportunity to a program, or unlinks it. The opportunity's organisation decides (its admins,
/// or a platform admin); the program decides what it accepts (<see cref="ProgramRules.Accepts"/>). The
/// owner of an organisation's program may also take opportunities out of it.
/// </summary>
public sealed class LinkOpportunity(AtharDbContext db, ProgramAccess access)
{
    public const string NotFound = "not-found";
    public const string NotAccepted = "program-not-accepting";

    public async Task<Refusal?> LinkAsync(ClaimsPrincipal user, Guid programId, Guid opportunityId, CancellationToken ct)
    {
        var program = await access.VisibleProgramAsync(user, programId, ct);
        var opportunity = await db.Opportunities.AsNoTracking().Where(o => o.Id == opportunityId).Select(o => new { o.OrganizationId, o.ProgramId }).FirstOrDefaultAsync(ct);
        if (program is null || opportunity is null || !await access.CanManageAsync(user, opportunity.OrganizationId, ct))
            return new Refusal(NotFound);
        if (!ProgramRules.Accepts(program.OrganizationId, program.Status, opportunity.OrganizationId))
            return new Refusal(NotAccepted);
        if (opportunity.ProgramId != programId)
            await ProgramLinks.SetAsync(db, opportunityId, programId, ct);
        return null;
    }

    public async Task<Refusal?> UnlinkAsync(ClaimsPrincipal user, Guid programId, Guid opportunityId, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.AsNoTracking().Where(o => o.Id == opportunityId && o.ProgramId == programId).Select(o => new { o.OrganizationId }).FirstOrDefaultAsync(ct);
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => new { p.OrganizationId }).FirstOrDefaultAsync(ct);
        if (opportunity is null || program is null
            || !await access.CanManageAsync(user, opportunity.OrganizationId, ct) && !(program.OrganizationId is not null && await access.CanManageAsync(user, program.OrganizationId, ct)))
            return new Refusal(NotFound);
        await ProgramLinks.SetAsync(db, opportunityId, null, ct);
        return null;
    }
}
