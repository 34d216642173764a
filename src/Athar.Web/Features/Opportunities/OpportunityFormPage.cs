using System.Globalization;
using System.Text.RegularExpressions;
using Athar.Core.Common;
using Athar.Core.Opportunities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Opportunities;

/// <summary>
/// The create and edit forms share this: shift rows without JavaScript (blank rows are ignored, a
/// "remove" box drops a row, a button adds rows), and error keys mapped back to the rows as typed.
/// </summary>
public abstract partial class OpportunityFormPage(OpportunityMessages messages) : PageModel
{
    public const int BlankRows = 3;

    [BindProperty]
    public OpportunityInput Input { get; set; } = new();

    /// <summary>Indexes of the shift rows ticked for removal.</summary>
    [BindProperty]
    public List<int> RemoveRows { get; set; } = [];

    public abstract bool IsNew { get; }

    public abstract string BackUrl { get; }

    protected OpportunityMessages Messages => messages;

    /// <summary>The rows that count (not blank, not removed) and, for each, the row it came from.</summary>
    protected (OpportunityInput Input, IReadOnlyList<int> Rows) Submitted()
    {
        var rows = new List<int>();
        var shifts = new List<ShiftInput>();
        for (var i = 0; i < Input.Shifts.Count; i++)
        {
            var s = Input.Shifts[i];
            if (s is null || RemoveRows.Contains(i) || (s.Id is null && s.Date is null && s.StartTime is null && s.EndTime is null && s.Seats is null))
                continue;
            rows.Add(i);
            shifts.Add(s);
        }
        var input = new OpportunityInput
        {
            TitleAr = Input.TitleAr, TitleEn = Input.TitleEn, DescriptionAr = Input.DescriptionAr, DescriptionEn = Input.DescriptionEn,
            FieldId = Input.FieldId, RegionId = Input.RegionId, CityId = Input.CityId, Address = Input.Address, IsRemote = Input.IsRemote,
            StartDate = Input.StartDate, EndDate = Input.EndDate, Shifts = shifts, Gender = Input.Gender, MinimumAge = Input.MinimumAge,
            AllowsMinors = Input.AllowsMinors, RequiredSkills = Input.RequiredSkills, RequiredLicense = Input.RequiredLicense, Type = Input.Type,
            ExpectedBeneficiaries = Input.ExpectedBeneficiaries, AutoAccept = Input.AutoAccept,
        };
        return (input, rows);
    }

    /// <summary>Shows an outcome's errors on the form, each at the row the user typed it in.</summary>
    protected void ShowErrors(OpportunityOutcome outcome, IReadOnlyList<int> rows)
    {
        string Field(string name) => ShiftIndex().Replace(name, m =>
        {
            var k = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"Shifts[{(k < rows.Count ? rows[k] : k)}]");
        });
        if (outcome.Refusal is { } refusal)
            messages.AddTo(ModelState, refusal, field: Field);
        else
            messages.AddTo(ModelState, outcome.Errors, field: Field);
    }

    protected void ShowBindingErrors(IReadOnlyList<FieldError> ruleErrors, IReadOnlyList<int> rows) =>
        ShowErrors(OpportunityOutcome.Invalid(ruleErrors), rows);

    /// <summary>Room to type new shifts: at least <see cref="BlankRows"/> empty rows after the filled ones.</summary>
    protected void PadShiftRows(int extra = 0)
    {
        var blanks = Input.Shifts.Count(s => s is not null && s.Id is null && s.Date is null && s.StartTime is null && s.EndTime is null && s.Seats is null);
        for (var i = blanks; i < BlankRows + extra; i++)
            Input.Shifts.Add(new ShiftInput());
    }

    [GeneratedRegex(@"^Shifts\[(\d+)\]")]
    private static partial Regex ShiftIndex();
}
