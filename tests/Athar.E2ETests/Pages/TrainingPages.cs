using System.Globalization;

namespace Athar.E2ETests.Pages;

/// <summary>/training/edit/{id?}: a new course (its form), then, once saved, the same page with its sessions form.</summary>
public sealed class TrainingCourseEditPage(IPage page) : AtharPage(page)
{
    public ILocator TitleAr => Page.Locator("#Input_TitleAr");

    public ILocator DescriptionAr => Page.Locator("#Input_DescriptionAr");

    public ILocator Track => Page.Locator("#Input_Track");

    public ILocator DurationHours => Page.Locator("#Input_DurationHours");

    public ILocator PassingScore => Page.Locator("#Input_PassingScore");

    public ILocator Publish => Page.Locator("#Input_Publish");

    public ILocator SaveButton => Page.Locator("#save-course");

    public ILocator FormErrors => Page.Locator("#form-errors");

    public ILocator SessionForm => Page.Locator("#session-form");

    public ILocator Sessions => Page.Locator("#edit-sessions > li");

    /// <summary>The course's id once saved: the page redirects to /training/edit/{id}.</summary>
    public Guid CourseId => Guid.Parse(Path["/training/edit/".Length..]);

    public async Task<TrainingCourseEditPage> OpenNewAsync()
    {
        await GotoAsync("/training/edit");
        return this;
    }

    public async Task FillAsync(string titleAr, string descriptionAr, string track, decimal durationHours, int passingScore, bool publish)
    {
        await TitleAr.FillAsync(titleAr);
        await DescriptionAr.FillAsync(descriptionAr);
        await Track.SelectOptionAsync(track);
        await DurationHours.FillAsync(durationHours.ToString(CultureInfo.InvariantCulture));
        await PassingScore.FillAsync(passingScore.ToString(CultureInfo.InvariantCulture));
        await Publish.SetCheckedAsync(publish);
    }

    public Task SaveAsync() => ClickAndWaitForPageAsync(SaveButton);

    public async Task AddSessionAsync(DateOnly date, TimeOnly start, TimeOnly end, int seats)
    {
        await Page.Locator("#Session_Date").FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.Locator("#Session_StartTime").FillAsync(start.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Page.Locator("#Session_EndTime").FillAsync(end.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Page.Locator("#Session_Seats").FillAsync(seats.ToString(CultureInfo.InvariantCulture));
        await ClickAndWaitForPageAsync(Page.Locator("#add-session"));
    }
}

/// <summary>/training/{id}: a course, its sessions and the enrol button of each.</summary>
public sealed class TrainingCoursePage(IPage page) : AtharPage(page)
{
    public ILocator Title => Page.Locator("#course-title");

    public ILocator Sessions => Page.Locator("#sessions .session");

    public static ILocator EnrollButton(ILocator session) => session.Locator("button.enroll");

    public async Task<TrainingCoursePage> OpenAsync(Guid courseId)
    {
        await GotoAsync($"/training/{courseId}");
        return this;
    }

    /// <summary>Enrols in a session; the app redirects to /me/training.</summary>
    public Task EnrollAsync(ILocator session) => ClickAndWaitForPageAsync(EnrollButton(session));
}

/// <summary>/training/{id}/roster: the trainees of a course and the form to record attendance and score.</summary>
public sealed class TrainingRosterPage(IPage page) : AtharPage(page)
{
    public ILocator Errors => Page.Locator("main .alert-danger:not(:empty)");

    public ILocator Trainee(string name) => Page.Locator("#roster .trainee").Filter(new() { HasTextString = name });

    public static ILocator Attended(ILocator trainee) => trainee.Locator("input.attended");

    public static ILocator Score(ILocator trainee) => trainee.Locator("input.score");

    public static ILocator StatusBadge(ILocator trainee) => trainee.Locator(".status");

    public async Task<TrainingRosterPage> OpenAsync(Guid courseId)
    {
        await GotoAsync($"/training/{courseId}/roster");
        return this;
    }

    public async Task RecordAsync(ILocator trainee, bool attended, int score)
    {
        await Attended(trainee).SetCheckedAsync(attended);
        await Score(trainee).FillAsync(score.ToString(CultureInfo.InvariantCulture));
        await ClickAndWaitForPageAsync(trainee.Locator("button.record"));
    }
}
