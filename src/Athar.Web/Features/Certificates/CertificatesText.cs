namespace Athar.Web.Features.Certificates;

/// <summary>Marker for this feature's strings: CertificatesText.resx (English) and CertificatesText.ar.resx (Arabic).</summary>
public sealed class CertificatesText;
