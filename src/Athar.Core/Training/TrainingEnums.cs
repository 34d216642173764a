namespace Athar.Core.Training;

public enum CourseDelivery
{
    Online = 1,
    InPerson = 2,
}

public enum CourseStatus
{
    Draft = 1,
    /// <summary>Listed in the catalogue and open for enrolment.</summary>
    Published = 2,
    /// <summary>Still listed for its certificates, takes no new enrolments.</summary>
    Archived = 3,
}

public enum EnrollmentStatus
{
    Enrolled = 1,
    Withdrawn = 2,
    Passed = 3,
    Failed = 4,
    /// <summary>Did not attend: no score, no training hours.</summary>
    Absent = 5,
}
