namespace Athar.Web.Features.Teams;

/// <summary>Marker for this feature's strings: TeamsText.resx (English) and TeamsText.ar.resx (Arabic).</summary>
public sealed class TeamsText;
