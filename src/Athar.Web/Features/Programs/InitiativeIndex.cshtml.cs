using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Programs;

/// <summary>The initiatives: active and closed for everyone, drafts for their lead's admins.</summary>
[AllowAnonymous]
public sealed class InitiativeIndexModel(Initiatives initiatives, ProgramAccess access) : PageModel
{
    public IReadOnlyList<Initiatives.Summary> Items { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await initiatives.ListAsync(User, cancellationToken);
        CanCreate = (await access.AdministeredAsync(User, cancellationToken)).Count > 0;
    }
}
