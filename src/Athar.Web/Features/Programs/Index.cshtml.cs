using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Programs;

/// <summary>The programs: active and closed for everyone, drafts for their owners.</summary>
[AllowAnonymous]
public sealed class IndexModel(ProgramQueries queries, ProgramAccess access) : PageModel
{
    public IReadOnlyList<ProgramQueries.ProgramSummary> Programs { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Programs = await queries.ListAsync(User, cancellationToken);
        CanCreate = ProgramAccess.IsPlatformAdmin(User) || (await access.AdministeredAsync(User, cancellationToken)).Count > 0;
    }
}
