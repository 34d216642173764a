using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Awards;

/// <summary>The public honours page: winners of published cycles only, by year and track.</summary>
[AllowAnonymous]
public sealed class HonoursModel(AwardResults results) : PageModel
{
    public IReadOnlyList<AwardResults.Honour> Honours { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken) => Honours = await results.HonoursAsync(year, cancellationToken);
}
