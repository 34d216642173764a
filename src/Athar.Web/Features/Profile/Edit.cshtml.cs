using Athar.Core.Accounts;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Profile;

[Authorize(Policy = Policies.Volunteer)]
public sealed class EditModel(VolunteerProfile profiles, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ProfileUpdateInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await profiles.GetAsync(User.RequiredUserId(), cancellationToken) is not { } p)
            return NotFound();
        Input = new ProfileUpdateInput
        {
            FullNameAr = p.FullNameAr,
            FullNameEn = p.FullNameEn,
            Mobile = p.Mobile is null ? null : Core.Identity.SaudiMobile.ToLocal(p.Mobile),
            RegionId = p.RegionId,
            CityId = p.CityId,
            FieldIds = p.FieldIds.ToList(),
            Skills = p.Skills,
            Education = p.Education,
            Profession = p.Profession,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddFieldErrors(ProfileUpdateRules.Validate(Input).Errors, t);
            return Page();
        }
        var errors = await profiles.UpdateAsync(User.RequiredUserId(), Input, cancellationToken);
        if (errors.Count > 0)
        {
            ModelState.AddFieldErrors(errors, t);
            return Page();
        }
        TempData["Status"] = "Profile.Saved";
        return LocalRedirect("/profile");
    }
}
