using System.Globalization;

namespace Athar.E2ETests.Pages;

/// <summary>/org/{organizationId}/opportunities/new: a new opportunity, saved as a draft.</summary>
public sealed class OpportunityFormPage(IPage page) : AtharPage(page)
{
    public ILocator Form => Page.Locator("#opportunity-form");

    public ILocator SaveButton => Page.Locator("#opportunity-save");

    /// <summary>The summary alert shown when any field is wrong.</summary>
    public ILocator FormErrors => Page.Locator("#form-errors");

    public async Task<OpportunityFormPage> OpenNewAsync(Guid organizationId)
    {
        await GotoAsync($"/org/{organizationId}/opportunities/new");
        return this;
    }

    /// <summary>The input for a property of OpportunityInput, e.g. "TitleAr" → #Input_TitleAr.</summary>
    public ILocator Field(string name) => Page.Locator($"#Input_{name}");

    /// <summary>An input of a shift row, e.g. (0, "StartTime") → #Input_Shifts_0__StartTime.</summary>
    public ILocator ShiftField(int row, string name) =>
        Page.Locator(string.Create(CultureInfo.InvariantCulture, $"#Input_Shifts_{row}__{name}"));

    public async Task FillAsync(OpportunityForm form)
    {
        await Field("TitleAr").FillAsync(form.TitleAr);
        await Field("TitleEn").FillAsync(form.TitleEn ?? string.Empty);
        await Field("DescriptionAr").FillAsync(form.DescriptionAr);
        await Field("DescriptionEn").FillAsync(form.DescriptionEn ?? string.Empty);
        await Field("FieldId").SelectOptionAsync(form.FieldId.ToString(CultureInfo.InvariantCulture));
        await Field("Type").SelectOptionAsync(form.Type);
        await Field("IsRemote").SetCheckedAsync(false);
        await Field("RegionId").SelectOptionAsync(form.RegionId.ToString(CultureInfo.InvariantCulture));
        await Field("CityId").SelectOptionAsync(form.CityId.ToString(CultureInfo.InvariantCulture));
        await Field("Address").FillAsync(form.Address ?? string.Empty);
        await Field("StartDate").FillAsync(OpportunityForm.DateValue(form.StartDate));
        await Field("EndDate").FillAsync(OpportunityForm.DateValue(form.EndDate));
        for (var i = 0; i < form.Shifts.Count; i++)
        {
            var shift = form.Shifts[i];
            await ShiftField(i, "Date").FillAsync(OpportunityForm.DateValue(shift.Date));
            await ShiftField(i, "StartTime").FillAsync(OpportunityForm.TimeValue(shift.Start));
            await ShiftField(i, "EndTime").FillAsync(OpportunityForm.TimeValue(shift.End));
            await ShiftField(i, "Seats").FillAsync(shift.Seats.ToString(CultureInfo.InvariantCulture));
        }
        await Field("Gender").SelectOptionAsync(form.Gender);
        await Field("ExpectedBeneficiaries").FillAsync(form.ExpectedBeneficiaries?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        await Field("AutoAccept").SetCheckedAsync(form.AutoAccept);
    }

    /// <summary>Saves; the next page is the organisation's opportunities (saved) or this form again with its errors.</summary>
    public Task SaveAsync() => ClickAndWaitForPageAsync(SaveButton);
}
