namespace Athar.Web.Features.Opportunities;

/// <summary>Marker for this feature's strings: OpportunitiesText.resx (English) and OpportunitiesText.ar.resx (Arabic).</summary>
public sealed class OpportunitiesText;
