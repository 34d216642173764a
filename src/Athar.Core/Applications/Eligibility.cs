using Athar.Core.Accounts;
using Athar.Core.Opportunities;

namespace Athar.Core.Applications;

/// <summary>What the rules need to know about the applicant.</summary>
public sealed record Applicant(
    Gender Gender,
    DateOnly BirthDate,
    bool MayApply,
    LicenseRequirement HeldLicense,
    int AdultAge);

/// <summary>What the rules need to know about the shift applied for.</summary>
public sealed record ShiftTerms(
    OpportunityStatus OpportunityStatus,
    GenderRequirement Gender,
    int? MinimumAge,
    bool AllowsMinors,
    LicenseRequirement RequiredLicense,
    DateOnly Date,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt);

/// <summary>An accepted shift of the applicant's, for the overlap check.</summary>
public sealed record BookedShift(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// The eligibility rules of an application, in the order a volunteer would want them explained.
/// Seats are not checked here: they are claimed atomically in the database.
/// </summary>
public static class Eligibility
{
    public static string? Check(Applicant applicant, ShiftTerms shift, IEnumerable<BookedShift> booked, DateTimeOffset now)
    {
        if (!OpportunityLifecycle.AcceptsApplications(shift.OpportunityStatus))
            return "opportunity-not-open";
        if (shift.StartsAt <= now)
            return "shift-started";
        if (!applicant.MayApply)
            return "guardian-consent-pending";
        if (shift.Gender == GenderRequirement.Male && applicant.Gender != Gender.Male
            || shift.Gender == GenderRequirement.Female && applicant.Gender != Gender.Female)
            return "gender-mismatch";

        var age = AgeRules.AgeOn(applicant.BirthDate, shift.Date);
        if (shift.MinimumAge is { } minimum && age < minimum)
            return "too-young";
        if (age < applicant.AdultAge && !shift.AllowsMinors)
            return "minors-not-allowed";
        if (shift.RequiredLicense != LicenseRequirement.None && applicant.HeldLicense < shift.RequiredLicense)
            return "license-required";
        if (booked.Any(b => b.StartsAt < shift.EndsAt && shift.StartsAt < b.EndsAt))
            return "overlapping-shift";
        return null;
    }
}
