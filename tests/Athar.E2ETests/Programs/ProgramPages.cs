using System.Globalization;
using Athar.E2ETests.Pages;

namespace Athar.E2ETests.Programs;

/// <summary>/programs/edit: the program form (bilingual text, period, status, targets, tracks).</summary>
public sealed class ProgramEditPage(IPage page) : AtharPage(page)
{
    public async Task<ProgramEditPage> OpenNewAsync()
    {
        await GotoAsync("/programs/edit");
        return this;
    }

    public ILocator FormErrors => Page.Locator("#form-errors");

    public async Task FillAsync(string titleAr, string descriptionAr, DateOnly startsOn, DateOnly endsOn, string status, (long Volunteers, long Opportunities, long Hours, long Beneficiaries) targets, string trackAr)
    {
        await Page.FillAsync("#Input_TitleAr", titleAr);
        await Page.FillAsync("#Input_DescriptionAr", descriptionAr);
        await Page.FillAsync("#Input_StartsOn", startsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.FillAsync("#Input_EndsOn", endsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.SelectOptionAsync("#Input_Status", status);
        await Page.FillAsync("#Input_TargetVolunteers", targets.Volunteers.ToString(CultureInfo.InvariantCulture));
        await Page.FillAsync("#Input_TargetOpportunities", targets.Opportunities.ToString(CultureInfo.InvariantCulture));
        await Page.FillAsync("#Input_TargetHours", targets.Hours.ToString(CultureInfo.InvariantCulture));
        await Page.FillAsync("#Input_TargetBeneficiaries", targets.Beneficiaries.ToString(CultureInfo.InvariantCulture));
        await Page.FillAsync("#Input_Tracks_0__NameAr", trackAr);
    }

    public Task SaveAsync() => ClickAndWaitForPageAsync(Page.Locator("#save-program"));
}

/// <summary>/programs/{id}: progress cards and table, linked opportunities, the link form.</summary>
public sealed class ProgramDetailsPage(IPage page) : AtharPage(page)
{
    public async Task<ProgramDetailsPage> OpenAsync(Guid id)
    {
        await GotoAsync($"/programs/{id}");
        return this;
    }

    public Guid ProgramId => Guid.Parse(Path.Split('/')[^1]);

    public ILocator Title => Page.Locator("#program-title");

    public ILocator Cell(string indicator, string column) => Page.Locator($"#progress-table tr[data-indicator='{indicator}'] .cell-{column}");

    public ILocator LinkedRows => Page.Locator("#program-opportunities tbody tr");

    public async Task LinkAsync(Guid opportunityId)
    {
        await Page.SelectOptionAsync("#opportunityId", opportunityId.ToString());
        await ClickAndWaitForPageAsync(Page.Locator("#link-opportunity"));
    }

    /// <summary>True when no element is wider than the viewport (nothing overflows sideways, in either direction).</summary>
    public Task<bool> FitsWidthAsync() => Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
