using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace Athar.Web.Features.Opportunities;

/// <summary>The public search: a plain GET form, so it works without JavaScript and every result page has a URL.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Search)]
[OutputCache(PolicyName = SearchCache.Policy)]
public sealed class IndexModel(SearchOpportunities search) : PageModel
{
    public SearchParameters Parameters { get; private set; } = new();
    public SearchOpportunities.Page Results { get; private set; } = new([], null);
    public bool HasInvalidParameters { get; private set; }
    public bool IsFirstPage => string.IsNullOrEmpty(Parameters.Cursor);

    public async Task OnGetAsync([FromQuery] SearchParameters parameters, CancellationToken cancellationToken)
    {
        Parameters = parameters;
        var (query, errors) = parameters.ToQuery();
        // A bad value in a hand-edited URL is ignored (and said so), never an error page.
        HasInvalidParameters = errors.Count > 0 || !ModelState.IsValid;
        Results = await search.SearchAsync(query, cancellationToken);
    }
}
