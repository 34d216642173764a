using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Training;

/// <summary>The training catalogue: published courses by licence track, soonest session first.</summary>
[AllowAnonymous]
public sealed class IndexModel(TrainingQueries queries, CourseAccess access) : PageModel
{
    public IReadOnlyList<TrainingQueries.CourseSummary> Courses { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Courses = await queries.CatalogueAsync(cancellationToken);
        CanManage = await access.CanCreateAsync(User, null, cancellationToken) || (await access.OrganizationsRunByAsync(User, cancellationToken)).Count > 0;
    }
}
