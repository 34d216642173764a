using Athar.Core.Calendar;
using Athar.Core.Common;
using Athar.Core.Statistics;
using Athar.Web.Features.Statistics;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Recognition;

/// <summary>The public rankings: top volunteers (opted in), organisations and teams for a period, nationally or by region.</summary>
[AllowAnonymous]
public sealed class RankingsModel(Rankings rankings, TimeProvider clock, IStringLocalizer<RecognitionText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? RegionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public Rankings.Board? Board { get; private set; }

    public IReadOnlyList<StatsPeriod> Periods { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var q = RecognitionEndpoints.Parse(Period, RegionId, By, null, DualDate.ToSaudiDate(clock.GetUtcNow()));
        Periods = PeriodChoices.Recent(clock, q.Period);
        foreach (var error in q.Errors)
            ModelState.AddModelError(error.Field, ApiProblems.Message(t, shared, error));
        if (q.Errors.Count == 0)
            Board = await rankings.ForAsync(q.Period, q.RegionId, q.By, Rankings.DefaultTop, cancellationToken);
    }
}
