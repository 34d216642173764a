namespace Athar.E2ETests.Pages;

/// <summary>/opportunities/{id}/apply: the volunteer picks a shift and applies.</summary>
public sealed class ApplyPage(IPage page) : AtharPage(page)
{
    public ILocator OpportunityTitle => Page.Locator("#apply-title");

    public ILocator ShiftChoices => Page.Locator("#apply-form input[type=radio][name=ShiftId]");

    public ILocator SubmitButton => Page.Locator("#apply-submit");

    /// <summary>Refusals ("no seats", "already applied") and a missing choice.</summary>
    public ILocator Errors => Page.Locator("#apply-errors");

    public ILocator ShiftLabel(int index) => Page.Locator("#apply-form .form-check-label").Nth(index);

    public Task SubmitAsync() => ClickAndWaitForPageAsync(SubmitButton);
}
