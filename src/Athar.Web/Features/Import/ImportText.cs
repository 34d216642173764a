namespace Athar.Web.Features.Import;

/// <summary>Marker for this feature's strings: ImportText.resx (English) and ImportText.ar.resx (Arabic). The problems' texts are Core's ImportMessages, shared with the command line.</summary>
public sealed class ImportText;
