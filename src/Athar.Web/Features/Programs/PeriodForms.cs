using Athar.Core.Programs;
using Athar.Data.Programs;

namespace Athar.Web.Features.Programs;

public static class PeriodForms
{
    /// <summary>Copies a stored program's or initiative's fields into the form.</summary>
    public static void Load(this PeriodInput input, MeasuredPeriod stored)
    {
        (input.TitleAr, input.TitleEn, input.DescriptionAr, input.DescriptionEn) = (stored.Title.Ar, stored.Title.En, stored.Description.Ar, stored.Description.En);
        (input.StartsOn, input.EndsOn, input.Status) = (stored.StartsOn, stored.EndsOn, stored.Status);
        (input.TargetVolunteers, input.TargetOpportunities, input.TargetHours, input.TargetBeneficiaries) =
            (stored.TargetVolunteers, stored.TargetOpportunities, stored.TargetHours, stored.TargetBeneficiaries);
    }
}
