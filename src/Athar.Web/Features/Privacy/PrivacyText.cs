namespace Athar.Web.Features.Privacy;

/// <summary>Marker for this feature's strings: PrivacyText.resx (English) and PrivacyText.ar.resx (Arabic).</summary>
public sealed class PrivacyText;
