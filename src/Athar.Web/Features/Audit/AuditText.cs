namespace Athar.Web.Features.Audit;

/// <summary>Marker for this feature's strings: AuditText.resx (English) and AuditText.ar.resx (Arabic).</summary>
public sealed class AuditText;
