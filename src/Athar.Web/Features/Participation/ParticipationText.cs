namespace Athar.Web.Features.Participation;

/// <summary>Marker for this feature's strings: ParticipationText.resx (English) and ParticipationText.ar.resx (Arabic).</summary>
public sealed class ParticipationText;
