using Microsoft.AspNetCore.Authorization;
using Athar.Core.Accounts;
using Athar.Core.Common;
using Athar.Core.Training;
using Athar.Data;
using Athar.Data.Training;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Training;

/// <summary>Creates or edits a course, its prerequisites and trainer, and adds sessions.</summary>
[Authorize]
public sealed class EditModel(AtharDbContext db, CourseAccess access, SaveCourse save, TrainingQueries queries, IStringLocalizer<TrainingText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    [BindProperty]
    public TrainingEndpoints.CourseBody Input { get; set; } = new();

    [BindProperty]
    public SessionInput Session { get; set; } = new();

    public Guid? CourseId { get; private set; }
    public IReadOnlyList<CourseAccess.RunningOrganization> Organizations { get; private set; } = [];
    public IReadOnlyList<TrainingQueries.CourseSummary> OtherCourses { get; private set; } = [];
    public IReadOnlyList<TrainingQueries.SessionView> Sessions { get; private set; } = [];
    public bool IsPlatformAdmin => User.IsInRole(Roles.PlatformAdmin);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is null)
            return await PrepareNewAsync(cancellationToken) ? Page() : NotFound();
        if (await ManagedCourseAsync(id.Value, cancellationToken) is not { } course)
            return NotFound();
        var detail = (await queries.CourseAsync(course.Id, cancellationToken))!;
        Input = new TrainingEndpoints.CourseBody
        {
            TitleAr = course.Title.Ar, TitleEn = course.Title.En, DescriptionAr = course.Description.Ar, DescriptionEn = course.Description.En,
            Track = course.Track, Delivery = course.Delivery, DurationHours = course.DurationHours, PassingScore = course.PassingScore,
            PrerequisiteIds = detail.Prerequisites.Select(p => p.Id).ToList(), Publish = course.Status == CourseStatus.Published,
            OrganizationId = course.OrganizationId, TrainerEmail = detail.TrainerEmail,
        };
        await LoadAsync(course, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Course? course = null;
        SaveCourse.Result result;
        if (id is null)
        {
            if (!await access.CanCreateAsync(User, Input.OrganizationId, cancellationToken))
                return NotFound();
            result = await save.CreateAsync(Input.ToInput(), Input.OrganizationId, Input.TrainerEmail, User.RequiredUserId(), cancellationToken);
        }
        else
        {
            if ((course = await ManagedCourseAsync(id.Value, cancellationToken)) is null)
                return NotFound();
            result = await save.UpdateAsync(course, Input.ToInput(), Input.TrainerEmail, cancellationToken);
        }
        if (result.Refusal is { Errors: { } errors })
        {
            ModelState.AddFieldErrors(errors, t, shared);
            if (course is null) await PrepareNewAsync(cancellationToken); else await LoadAsync(course, cancellationToken);
            return Page();
        }
        TempData["Status"] = "Training.Saved";
        return Redirect($"/training/edit/{result.Id}");
    }

    public async Task<IActionResult> OnPostSessionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ManagedCourseAsync(id, cancellationToken) is not { } course)
            return NotFound();
        var result = await save.AddSessionAsync(id, Session, cancellationToken);
        if (result.Refusal is { Errors: { } errors })
        {
            ModelState.AddFieldErrors(errors, t, shared, prefix: nameof(Session));
            await OnGetAsync(id, cancellationToken);
            return Page();
        }
        TempData["Status"] = "Training.SessionAdded";
        return Redirect($"/training/edit/{course.Id}");
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ManagedCourseAsync(id, cancellationToken) is null)
            return NotFound();
        await save.ArchiveAsync(id, cancellationToken);
        TempData["Status"] = "Training.Archived";
        return Redirect("/training/manage");
    }

    private async Task<Course?> ManagedCourseAsync(Guid id, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return course is not null && await access.AllowsManagingAsync(User, course, cancellationToken) ? course : null;
    }

    private async Task<bool> PrepareNewAsync(CancellationToken cancellationToken)
    {
        Organizations = await access.OrganizationsRunByAsync(User, cancellationToken);
        if (!IsPlatformAdmin && Organizations.Count == 0)
            return false;
        if (!IsPlatformAdmin && Input.OrganizationId is null)
            Input.OrganizationId = Organizations[0].Id;
        OtherCourses = await queries.AllAsync(cancellationToken);
        return true;
    }

    private async Task LoadAsync(Course course, CancellationToken cancellationToken)
    {
        CourseId = course.Id;
        OtherCourses = (await queries.AllAsync(cancellationToken)).Where(c => c.Id != course.Id).ToList();
        Sessions = (await queries.CourseAsync(course.Id, cancellationToken))!.Sessions;
    }
}
