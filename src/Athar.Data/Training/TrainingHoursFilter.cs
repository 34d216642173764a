using System.Linq.Expressions;
using Athar.Core.Training;

namespace Athar.Data.Training;

/// <summary>
/// <see cref="TrainingRules.CountsTrainingHours"/> as a query filter: the enrolments whose course duration counts
/// as training hours (attended, with a result). One definition for the record, the statement and the indicator.
/// </summary>
public static class TrainingHoursFilter
{
    public static readonly Expression<Func<CourseEnrollment, bool>> Counted =
        e => e.Status == EnrollmentStatus.Passed || e.Status == EnrollmentStatus.Failed;
}
