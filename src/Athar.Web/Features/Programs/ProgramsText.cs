namespace Athar.Web.Features.Programs;

/// <summary>Marker for this feature's strings (programs, initiatives, ideas and the award): ProgramsText.resx (English) and ProgramsText.ar.resx (Arabic).</summary>
public sealed class ProgramsText;
