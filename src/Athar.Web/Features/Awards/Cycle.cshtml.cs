using Athar.Core.Recognition;
using Athar.Data;
using Athar.Data.Recognition;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Awards;

/// <summary>
/// One cycle for platform admins: its stage, judges and nominations. Before publication the page shows how
/// many judges scored each nomination, never the scores; after it, the full ranking with the tie-break used.
/// </summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class CycleModel(AtharDbContext db, AwardCycles cycles, AwardResults results, AwardPublication publication, IStringLocalizer<AwardsText> t) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;
    public IReadOnlyList<AwardCycles.JudgeRow> Judges { get; private set; } = [];
    public IReadOnlyList<AwardResults.NomineeView> Nominees { get; private set; } = [];
    public IReadOnlyDictionary<Guid, int> JudgesWhoScored { get; private set; } = new Dictionary<Guid, int>();
    public IReadOnlyDictionary<AwardTrack, IReadOnlyList<RankedNomination>>? Rankings { get; private set; }
    public string? Message { get; private set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public AwardTrack? Track { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAppointAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await cycles.AppointAsync(id, Email, Track, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid userId, AwardTrack track, CancellationToken cancellationToken) =>
        await AfterAsync(id, await cycles.RemoveJudgeAsync(id, userId, track, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAdvanceAsync(Guid id, AwardCycleStatus from, CancellationToken cancellationToken)
    {
        var refusal = await cycles.AdvanceAsync(id, from, User.RequiredUserId(), cancellationToken);
        if (refusal is null && from == AwardCycleStatus.Judging)
            await publication.AfterPublishingAsync(id, cancellationToken);
        return await AfterAsync(id, refusal, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Core.Common.Refusal? refusal, CancellationToken cancellationToken)
    {
        if (refusal is { Code: AwardCycles.NotFound })
            return NotFound();
        if (refusal is null)
            return Redirect($"/admin/awards/{id}");
        Message = t[$"Refusal.{refusal.Code}"];
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await cycles.FindAsync(id, cancellationToken) is not { } cycle)
            return false;
        Cycle = cycle;
        Judges = await cycles.JudgesAsync(id, cancellationToken);
        Nominees = (await results.Nominees(n => n.CycleId == id).ToListAsync(cancellationToken)).OrderBy(n => n.Track).ThenBy(n => n.CreatedAt).ToList();
        JudgesWhoScored = await db.AwardScores.AsNoTracking()
            .Where(s => db.AwardNominations.Any(n => n.Id == s.NominationId && n.CycleId == id))
            .GroupBy(s => s.NominationId).Select(g => new { g.Key, Judges = g.Select(s => s.JudgeId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Judges, cancellationToken);
        if (cycle.Status == AwardCycleStatus.Published)
            Rankings = await results.RankingsAsync(id, cancellationToken);
        return true;
    }
}
