namespace Athar.E2ETests.Pages;

public sealed class RegisterPage(IPage page) : AtharPage(page)
{
    public ILocator Form => Page.Locator("#register-form");

    public ILocator SubmitButton => Page.Locator("#register-submit");

    /// <summary>The summary alert shown when any field is wrong.</summary>
    public ILocator FormErrors => Page.Locator("#form-errors");

    public async Task<RegisterPage> OpenAsync()
    {
        await GotoAsync("/account/register");
        return this;
    }

    /// <summary>The input for a property of VolunteerRegistrationInput, e.g. "Email" → #Input_Email.</summary>
    public ILocator Field(string name) => Page.Locator($"#Input_{name}");

    /// <summary>The message rendered beside a field by asp-validation-for.</summary>
    public ILocator FieldError(string name) => Page.Locator($"span[data-valmsg-for='Input.{name}']");

    public async Task FillAsync(RegistrationForm form)
    {
        await Field("FullNameAr").FillAsync(form.FullNameAr);
        await Field("FullNameEn").FillAsync(form.FullNameEn ?? string.Empty);
        await Field("NationalId").FillAsync(form.NationalId);
        await Field("BirthDate").FillAsync(form.BirthDateValue);
        await Page.Locator(form.Gender == "Male" ? "#gender-male" : "#gender-female").CheckAsync();
        await Field("Mobile").FillAsync(form.Mobile);
        await Field("Email").FillAsync(form.Email);
        await Field("Password").FillAsync(form.Password);
        await Field("RegionId").SelectOptionAsync(form.RegionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Field("CityId").SelectOptionAsync(form.CityId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var id in form.FieldIds)
            await Page.Locator($"#field-{id}").CheckAsync();
        await Field("Skills").FillAsync(form.Skills ?? string.Empty);
        await Field("GuardianName").FillAsync(form.GuardianName ?? string.Empty);
        await Field("GuardianNationalId").FillAsync(form.GuardianNationalId ?? string.Empty);
        await Field("GuardianMobile").FillAsync(form.GuardianMobile ?? string.Empty);
        await Field("AcceptEthicsCharter").SetCheckedAsync(form.AcceptCharter);
        await Field("AcceptPrivacyNotice").SetCheckedAsync(form.AcceptPrivacy);
    }

    /// <summary>Submits; the next page is either the profile (registered) or this form again with its errors.</summary>
    public Task SubmitAsync() => ClickAndWaitForPageAsync(SubmitButton);
}
