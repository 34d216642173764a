namespace Athar.Core.Programs;

/// <summary>What a partner organisation does in an initiative. Values are stored: never renumber.</summary>
public enum PartnerRole
{
    CoOrganizer = 1,
    Implementer = 2,
    Sponsor = 3,
    Venue = 4,
    Media = 5,
    Technical = 6,
}
