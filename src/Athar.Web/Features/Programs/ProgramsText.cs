namespace Athar.Web.Features.Programs;

/// <summary>Marker for this feature's strings (programs and initiatives): ProgramsText.resx (English) and ProgramsText.ar.resx (Arabic).</summary>
public sealed class ProgramsText
{
    /// <summary>The TempData key of this feature's status messages: the layout's own "Status" reads the shared resources only.</summary>
    public const string StatusKey = "ProgramsStatus";
}
