using Athar.Core.Common;

namespace Athar.Core.Opportunities;

/// <summary>A shift as stored, with what volunteers already hold on it.</summary>
public sealed record StoredShift(Guid Id, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, int Seats, int Accepted, bool HasApplications);

/// <summary>
/// Edits must not strand volunteers: a shift with accepted volunteers can be neither removed nor
/// moved, its seats never cut below those accepted, and a shift with any application (the history of
/// who applied) is not deleted. Refusals carry the offending fields so the form can point at them.
/// </summary>
public static class ShiftChangeRules
{
    public const string ShiftHasAcceptedVolunteers = "shift-has-accepted-volunteers";
    public const string ShiftHasApplications = "shift-has-applications";
    public const string SeatsBelowAccepted = "seats-below-accepted";

    /// <param name="stored">The shifts in the database.</param>
    /// <param name="proposed">The validated shifts, in input order (index i is the input's Shifts[i]).</param>
    public static Refusal? Check(IReadOnlyCollection<StoredShift> stored, IReadOnlyList<ValidShift> proposed)
    {
        var errors = new List<FieldError>();
        string? code = null;
        void Refuse(string refusal, FieldError error)
        {
            // The most serious reason names the refusal; every offending field is reported.
            if (code is null || Rank(refusal) < Rank(code))
                code = refusal;
            errors.Add(error);
        }

        foreach (var removed in stored.Where(s => proposed.All(p => p.Id != s.Id)).OrderBy(s => s.Date).ThenBy(s => s.StartTime))
        {
            if (removed.Accepted > 0)
                Refuse(ShiftHasAcceptedVolunteers, new("Shifts", "Shift.RemovedHasVolunteers", removed.Date, removed.Accepted));
            else if (removed.HasApplications)
                Refuse(ShiftHasApplications, new("Shifts", "Shift.RemovedHasApplications", removed.Date));
        }

        for (var i = 0; i < proposed.Count; i++)
        {
            var shift = proposed[i];
            if (shift.Id is not { } id || stored.FirstOrDefault(s => s.Id == id) is not { } original || original.Accepted == 0)
                continue;
            if (original.Date != shift.Date || original.StartTime != shift.StartTime || original.EndTime != shift.EndTime)
                Refuse(ShiftHasAcceptedVolunteers, new($"Shifts[{i}].Date", "Shift.MovedHasVolunteers", original.Accepted));
            if (shift.Seats < original.Accepted)
                Refuse(SeatsBelowAccepted, new($"Shifts[{i}].Seats", "Shift.SeatsBelowAccepted", original.Accepted));
        }

        return code is null ? null : new Refusal(code, errors);
    }

    private static int Rank(string code) => code switch
    {
        ShiftHasAcceptedVolunteers => 0,
        SeatsBelowAccepted => 1,
        _ => 2,
    };
}
