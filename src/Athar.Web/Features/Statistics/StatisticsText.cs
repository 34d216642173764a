namespace Athar.Web.Features.Statistics;

/// <summary>Marker for this feature's strings: StatisticsText.resx (English) and StatisticsText.ar.resx (Arabic).</summary>
public sealed class StatisticsText;
