namespace Athar.Web.Features.Account;

/// <summary>Marker for the two-factor strings: TwoFactorText.resx (English) and TwoFactorText.ar.resx (Arabic).</summary>
public sealed class TwoFactorText;
