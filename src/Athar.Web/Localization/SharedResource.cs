namespace Athar.Web.Localization;

/// <summary>Marker for the shared resource files SharedResource.resx (English) and SharedResource.ar.resx (Arabic).</summary>
public sealed class SharedResource;
