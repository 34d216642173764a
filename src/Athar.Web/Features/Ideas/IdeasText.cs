namespace Athar.Web.Features.Ideas;

/// <summary>Marker for this feature's strings: IdeasText.resx (English) and IdeasText.ar.resx (Arabic).</summary>
public sealed class IdeasText
{
    /// <summary>The TempData key of this feature's status messages.</summary>
    public const string StatusKey = "IdeasStatus";
}
