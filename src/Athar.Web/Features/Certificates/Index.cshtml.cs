using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Certificates;

/// <summary>Every document the volunteer can download themselves, at any time.</summary>
[Authorize(Policy = Policies.Volunteer)]
public sealed class IndexModel(CertificateCatalog catalog) : PageModel
{
    public IReadOnlyList<CertificateCatalog.Entry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await catalog.ForAsync(User.RequiredUserId(), cancellationToken);
}
