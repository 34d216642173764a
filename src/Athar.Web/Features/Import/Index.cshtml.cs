using Athar.Core.Import;
using Athar.Data.Import;
using Athar.Data.Organizations;
using Athar.Web.Features.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Import;

/// <summary>
/// An organisation's admins upload a spreadsheet, read the dry run's report (row, column, problem, in the
/// page's language), confirm, and follow the import's progress. Everyone else gets what OrganizationGate
/// answers for "manage": 403 for the organisation's supervisors, 404 for anyone who may not even see it.
/// </summary>
[Authorize]
[RequestSizeLimit(MaxUploadBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + 1024 * 1024)]
public sealed class IndexModel(OrganizationGate gate, ImportEngine engine, ImportJobs jobs, RunImport run, IStringLocalizer<ImportText> L) : PageModel
{
    public const int MaxUploadMegabytes = 20;
    public const long MaxUploadBytes = MaxUploadMegabytes * 1024L * 1024;

    /// <summary>The page lists this many problems; the count says how many there are in all.</summary>
    public const int ProblemsShown = 1000;

    public Organization Organization { get; private set; } = null!;
    public ImportJob? Job { get; private set; }
    public bool MayImport => ImportEngine.MayImport(Organization);

    [BindProperty]
    public ImportKind Kind { get; set; } = ImportKind.Volunteers;

    [BindProperty]
    public ImportEncoding Encoding { get; set; } = ImportEncoding.Auto;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? job, CancellationToken cancellationToken)
    {
        if (await GateAsync(id, cancellationToken) is { } refused)
            return refused;
        if (job is { } jobId)
        {
            Job = jobs.Find(jobId, id, User.RequiredUserId());
            if (Job is null)
                return NotFound();
            Kind = Job.Kind;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await GateAsync(id, cancellationToken) is { } refused)
            return refused;
        if (!MayImport)
            ModelState.AddModelError(string.Empty, L["Import.NotAllowed"]);
        else if (!Enum.IsDefined(Kind) || !Enum.IsDefined(Encoding))
            ModelState.AddModelError(nameof(Kind), L["Upload.Invalid"]);
        else if (Upload is null || Upload.Length == 0)
            ModelState.AddModelError(nameof(Upload), L["Upload.Required"]);
        else if (Upload.Length > MaxUploadBytes)
            ModelState.AddModelError(nameof(Upload), L["Upload.TooLarge", MaxUploadMegabytes]);
        if (ModelState.ErrorCount > 0)
            return Page();

        byte[] content;
        using (var buffer = new MemoryStream((int)Upload!.Length))
        {
            await Upload.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        var job = jobs.Add(id, User.RequiredUserId(), Kind, Path.GetFileName(Upload.FileName), Encoding, content);
        job.Checked = await engine.CheckAsync(new ImportRequest(id, Kind, content, job.FileName, Encoding, job.UserId, "web"), job.Progress, cancellationToken);
        if (job.Checked.Problems.Count > 0 || job.Checked.AlreadyImported)
            job.Content = null; // nothing to confirm
        return RedirectToPage(new { id, job = job.Id });
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, Guid job, CancellationToken cancellationToken)
    {
        if (await GateAsync(id, cancellationToken) is { } refused)
            return refused;
        var found = jobs.Find(job, id, User.RequiredUserId());
        if (found is null)
            return NotFound();
        if (MayImport && found.Checked is { Problems.Count: 0, AlreadyImported: false })
            run.Start(found);
        return RedirectToPage(new { id, job });
    }

    /// <summary>The progress the page polls while an import runs.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, Guid job, CancellationToken cancellationToken)
    {
        if (await GateAsync(id, cancellationToken) is { } refused)
            return refused;
        var found = jobs.Find(job, id, User.RequiredUserId());
        if (found is null)
            return NotFound();
        var finished = found.Result is not null || found.Failed;
        return new JsonResult(new
        {
            stage = found.Progress.Stage,
            stageText = L["Progress." + found.Progress.Stage].Value,
            done = found.Progress.Done,
            total = found.Progress.Total,
            percent = (int)Math.Round(100 * (finished ? 1 : found.Progress.Fraction)),
            finished,
        });
    }

    /// <summary>A template generated from the documented columns, with headers in English or Arabic.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(Guid id, string kind, string? lang, CancellationToken cancellationToken)
    {
        if (await GateAsync(id, cancellationToken) is { } refused)
            return refused;
        if (ImportKinds.FromSlug(kind) is not { } parsed)
            return NotFound();
        var arabic = lang == "ar";
        return File(ImportTemplate.Csv(parsed, arabic), "text/csv; charset=utf-8", $"athar-{parsed.Slug()}-{(arabic ? "ar" : "en")}.csv");
    }

    private async Task<IActionResult?> GateAsync(Guid id, CancellationToken cancellationToken)
    {
        var (organization, access) = await gate.CheckAsync(User, id, OrganizationOperations.Manage, cancellationToken);
        switch (access)
        {
            case OutcomeKind.Done:
                Organization = organization!;
                return null;
            case OutcomeKind.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}
