namespace Athar.Web.Features.Awards;

/// <summary>Marker for this feature's strings: AwardsText.resx (English) and AwardsText.ar.resx (Arabic).</summary>
public sealed class AwardsText
{
    /// <summary>The TempData key of this feature's status messages.</summary>
    public const string StatusKey = "AwardsStatus";
}
