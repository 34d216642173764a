using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

/// <summary>Base for an organisation's work pages: the route's organisation must be one the user may operate, else 404.</summary>
public abstract class StaffPageModel(StaffAccess access, IStringLocalizer<ParticipationText> t) : PageModel
{
    [FromRoute]
    public Guid OrganizationId { get; set; }

    protected IStringLocalizer<ParticipationText> T { get; } = t;

    protected Task<bool> CanOperateAsync(CancellationToken cancellationToken) => access.CanOperateAsync(User, OrganizationId, cancellationToken);

    protected void Refuse(Core.Common.Refusal refusal) => ModelState.AddModelError(string.Empty, T[$"Refusal.{refusal.Code}"]);
}
