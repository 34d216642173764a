using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

[Authorize(Policy = Policies.OrganizationWork)]
public sealed class DashboardModel(StaffAccess access, ParticipationQueries queries, IStringLocalizer<ParticipationText> t)
    : StaffPageModel(access, t)
{
    public ParticipationQueries.Dashboard Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await CanOperateAsync(cancellationToken))
            return NotFound();
        Data = await queries.DashboardAsync(OrganizationId, cancellationToken);
        return Page();
    }
}
