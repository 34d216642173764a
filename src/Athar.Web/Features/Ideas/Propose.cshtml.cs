using Athar.Core.Localization;
using Athar.Core.Recognition;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Ideas;

/// <summary>A volunteer proposes an idea to a verified organisation, from its public page.</summary>
[Authorize(Policy = Policies.Volunteer)]
public sealed class ProposeModel(AtharDbContext db, ProposeIdea propose, IStringLocalizer<IdeasText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    [BindProperty]
    public IdeaInput Input { get; set; } = new();

    public LocalizedText OrganizationName { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await NameAsync(id, cancellationToken) is not { } name)
            return NotFound();
        OrganizationName = name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await NameAsync(id, cancellationToken) is not { } name)
            return NotFound();
        OrganizationName = name;
        var outcome = ModelState.IsValid
            ? await propose.ProposeAsync(User.RequiredUserId(), id, Input, cancellationToken)
            : new ProposeIdea.Outcome(null, IdeaRules.Validate(Input).Errors, false);
        if (outcome.NotFound)
            return NotFound();
        if (outcome.Id is null)
        {
            ModelState.AddFieldErrors(outcome.Errors, t, shared);
            return Page();
        }
        TempData[IdeasText.StatusKey] = "Ideas.Proposed";
        return Redirect("/me/ideas");
    }

    private Task<LocalizedText?> NameAsync(Guid id, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == id && o.Status == OrganizationStatus.Verified).Select(o => (LocalizedText?)o.Name).FirstOrDefaultAsync(cancellationToken);
}
