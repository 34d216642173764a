using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

[Authorize(Policy = Policies.Volunteer)]
public sealed class ApplyModel(AtharDbContext db, ApplyToShift apply, TimeProvider clock, IStringLocalizer<ParticipationText> t) : PageModel
{
    public sealed record ShiftOption(Guid Id, DateOnly Date, TimeOnly Start, TimeOnly End, int SeatsLeft);

    public LocalizedText Title { get; private set; } = null!;
    public bool AutoAccept { get; private set; }
    public IReadOnlyList<ShiftOption> Shifts { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? ShiftId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (ShiftId is not { } shiftId || Shifts.All(s => s.Id != shiftId))
        {
            ModelState.AddModelError(nameof(ShiftId), t["Apply.ChooseShift"]);
            return Page();
        }
        var result = await apply.ApplyAsync(User.RequiredUserId(), shiftId, cancellationToken: cancellationToken);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, t[$"Refusal.{refusal.Code}"]);
            return Page();
        }
        TempData["Status"] = "Participation.Applied";
        return LocalRedirect("/me/applications");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var opportunity = await db.Opportunities.AsNoTracking()
            .Where(o => o.Id == id && (o.Status == OpportunityStatus.Published || o.Status == OpportunityStatus.Closed))
            .Where(o => db.Organizations.Any(org => org.Id == o.OrganizationId && org.Status == OrganizationStatus.Verified))
            .Select(o => new { o.Title, o.AutoAccept, Shifts = o.Shifts.Where(s => s.StartsAt > now).OrderBy(s => s.StartsAt).Select(s => new ShiftOption(s.Id, s.Date, s.StartTime, s.EndTime, s.Seats - s.Accepted)).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (opportunity is null)
            return false;
        Title = opportunity.Title;
        AutoAccept = opportunity.AutoAccept;
        Shifts = opportunity.Shifts;
        return true;
    }
}
