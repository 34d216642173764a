namespace Athar.Web.Features.Organizations;

/// <summary>Marker for this feature's strings: OrganizationsText.resx (English) and OrganizationsText.ar.resx (Arabic).</summary>
public sealed class OrganizationsText;
