namespace Athar.Web.Features.Recognition;

/// <summary>Marker for this feature's strings: RecognitionText.resx (English) and RecognitionText.ar.resx (Arabic).</summary>
public sealed class RecognitionText;
