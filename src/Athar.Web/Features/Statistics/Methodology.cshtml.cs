using Athar.Core.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Statistics;

/// <summary>How every indicator is defined and computed, with the hourly values in force.</summary>
[AllowAnonymous]
public sealed class MethodologyModel(IOptions<HourlyValueOptions> rates, IOptions<TargetOptions> target) : PageModel
{
    public HourlyValueOptions Rates => rates.Value;
    public TargetOptions Target => target.Value;

    public void OnGet()
    {
    }
}
