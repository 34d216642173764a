namespace Athar.Data.Organizations;

/// <summary>An invitation to join an organisation's staff, sent by e-mail or SMS; accepted by a signed-in person holding the link.</summary>
public sealed class OrganizationInvitation
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public OrganizationRole Role { get; set; }
    public required string Contact { get; set; }
    public required string TokenHash { get; set; }
    public Guid InvitedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? AcceptedBy { get; set; }
}

public sealed class OrganizationField
{
    public Guid OrganizationId { get; set; }
    public int FieldId { get; set; }
}
