namespace Athar.Core.Certificates;

/// <summary>The documents a volunteer can download and anyone can verify.</summary>
public enum DocumentKind
{
    Participation = 1,
    Training = 2,
    License = 3,
    AnnualStatement = 4,
    VolunteerCard = 5,
    AwardWinner = 6,
}

/// <summary>What a verification finds.</summary>
public enum VerificationStatus
{
    /// <summary>Issued by Athar and every certified value still matches the record.</summary>
    Genuine = 1,
    /// <summary>Issued by Athar, but a certified value has changed since (hours adjusted, a name corrected): the document no longer holds.</summary>
    Altered = 2,
    /// <summary>A genuine licence document whose licence has been revoked.</summary>
    Revoked = 3,
    /// <summary>A genuine licence document whose licence is suspended.</summary>
    Suspended = 4,
    /// <summary>A genuine licence document whose licence has expired.</summary>
    Expired = 5,
    /// <summary>No document has this code.</summary>
    Unknown = 6,
    /// <summary>Athar issued a document with this code under a seal key it has since retired: it can no longer vouch for it.</summary>
    KeyRetired = 7,
}
