namespace Athar.Web.Features.Training;

/// <summary>Marker for this feature's strings: TrainingText.resx (English) and TrainingText.ar.resx (Arabic).</summary>
public sealed class TrainingText;
