using Athar.Core.Recognition;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Awards;

/// <summary>A judge's score sheet for one nomination; anyone not appointed to its track gets 404.</summary>
[Authorize]
public sealed class ScoreModel(Judging judging, IStringLocalizer<AwardsText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    public Judging.Assignment Assignment { get; private set; } = null!;
    public string? Refusal { get; private set; }

    [BindProperty]
    public List<CriterionScore> Scores { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid nominationId, CancellationToken cancellationToken)
    {
        if (await judging.AssignmentAsync(User.RequiredUserId(), nominationId, cancellationToken) is not { } assignment)
            return NotFound();
        Assignment = assignment;
        Scores = AwardRules.Criteria.Select(c => new CriterionScore { Criterion = c, Score = assignment.MyScores.TryGetValue(c, out var s) ? s : null }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid nominationId, CancellationToken cancellationToken)
    {
        if (await judging.AssignmentAsync(User.RequiredUserId(), nominationId, cancellationToken) is not { } assignment)
            return NotFound();
        Assignment = assignment;
        var outcome = await judging.ScoreAsync(User.RequiredUserId(), nominationId, Scores, cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        if (outcome.Succeeded)
        {
            TempData[AwardsText.StatusKey] = "Judging.Saved";
            return Redirect("/awards");
        }
        // Errors name "Scores[Criterion]"; the form's fields are "Scores[i].Score".
        foreach (var error in outcome.Errors)
        {
            var index = AwardRules.Criteria.Select(c => $"Scores[{c}]").ToList().IndexOf(error.Field);
            ModelState.AddModelError(index >= 0 ? $"Scores[{index}].Score" : "Scores", ApiProblems.Message(t, shared, error));
        }
        if (outcome.Refusal is { } refusal)
            Refusal = t[$"Refusal.{refusal.Code}"];
        return Page();
    }
}
