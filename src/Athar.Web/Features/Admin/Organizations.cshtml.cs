using Athar.Data.Organizations;
using Athar.Web.Features.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Athar.Web.Features.Admin;

/// <summary>The platform admin's verification queue: every region, pending first, filtered by status and region.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class OrganizationsModel(OrganizationQueries queries, ChangeOrganizationStatus change, OrganizationsMessages messages)
    : ReviewPageModel(change, messages)
{
    [BindProperty(SupportsGet = true)]
    public OrganizationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? RegionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    public bool HasMore { get; private set; }

    public string Title => Messages["Review.Title"];
    public string Lead => Messages["Review.Lead"];
    public string AllLabel => Messages["Review.All"];
    public string FilterLabel => Messages["Review.Filter"];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var page = await queries.ReviewAsync(null, Status, RegionId, Math.Max(1, P), cancellationToken);
        List = new ReviewList(page.Rows, ShowRegion: true);
        HasMore = page.HasMore;
    }
}
