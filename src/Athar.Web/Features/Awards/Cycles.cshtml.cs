using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Awards;

/// <summary>Platform admins list the award cycles and open one for a year.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class CyclesModel(AwardCycles cycles, IStringLocalizer<AwardsText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    public IReadOnlyList<AwardCycles.CycleRow> Cycles { get; private set; } = [];

    [BindProperty]
    public int? Year { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cycles = await cycles.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (id, errors, refusal) = await cycles.CreateAsync(ModelState.IsValid ? Year : null, cancellationToken);
        if (id is { } created)
            return Redirect($"/admin/awards/{created}");
        ModelState.AddFieldErrors(errors, t, shared, prefix: "");
        if (refusal is not null)
            ModelState.AddModelError(nameof(Year), t[$"Refusal.{refusal.Code}"]);
        Cycles = await cycles.ListAsync(cancellationToken);
        return Page();
    }
}
