using Athar.Core.Programs;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Programs;

/// <summary>Creates or edits a program: bilingual text, period, status, targets and tracks.</summary>
[Authorize]
public sealed class EditModel(ProgramAccess access, SaveProgram save, IStringLocalizer<ProgramsText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    public const int TrackRows = 6;

    [BindProperty]
    public ProgramsEndpoints.ProgramBody Input { get; set; } = new();

    public Guid? ProgramId { get; private set; }
    public IReadOnlyList<ProgramAccess.OwnOrganization> Organizations { get; private set; } = [];
    public bool IsPlatformAdmin => ProgramAccess.IsPlatformAdmin(User);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            if (!await PrepareNewAsync(cancellationToken))
                return NotFound();
            PadTracks();
            return Page();
        }
        if (await access.ManagedProgramAsync(User, id.Value, cancellationToken) is not { } p)
            return NotFound();
        ProgramId = p.Id;
        Input = new ProgramsEndpoints.ProgramBody
        {
            OrganizationId = p.OrganizationId,
            Tracks = p.Tracks.OrderBy(x => x.Position).Select(x => new TrackInput { NameAr = x.Name.Ar, NameEn = x.Name.En }).ToList(),
        };
        Input.Load(p);
        PadTracks();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        SaveProgram.Result result;
        if (id is null)
        {
            if (!await access.CanCreateAsync(User, Input.OrganizationId, cancellationToken))
                return NotFound();
            result = ModelState.IsValid
                ? await save.CreateAsync(Input, Input.OrganizationId, User.RequiredUserId(), cancellationToken)
                : new SaveProgram.Result(null, SaveProgram.Check(Input));
        }
        else
        {
            if (await access.ManagedProgramAsync(User, id.Value, cancellationToken) is null)
                return NotFound();
            ProgramId = id;
            result = ModelState.IsValid
                ? await save.UpdateAsync(id.Value, Input, cancellationToken)
                : new SaveProgram.Result(null, SaveProgram.Check(Input));
        }
        if (result.Id is not { } saved)
        {
            ModelState.AddFieldErrors(result.Errors, t, shared);
            if (id is null)
                await PrepareNewAsync(cancellationToken);
            PadTracks();
            return Page();
        }
        TempData[ProgramsText.StatusKey] = "Programs.Saved";
        return Redirect($"/programs/{saved}");
    }

    private async Task<bool> PrepareNewAsync(CancellationToken cancellationToken)
    {
        Organizations = await access.AdministeredAsync(User, cancellationToken);
        if (!IsPlatformAdmin && Organizations.Count == 0)
            return false;
        if (!IsPlatformAdmin && Input.OrganizationId is null)
            Input.OrganizationId = Organizations[0].Id;
        return true;
    }

    private void PadTracks()
    {
        while (Input.Tracks.Count < TrackRows)
            Input.Tracks.Add(new TrackInput());
    }
}
