namespace Athar.Web.Features.Licensing;

/// <summary>Marker for this feature's strings: LicensingText.resx (English) and LicensingText.ar.resx (Arabic).</summary>
public sealed class LicensingText;
