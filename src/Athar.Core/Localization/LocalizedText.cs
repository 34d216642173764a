using System.Globalization;

namespace Athar.Core.Localization;

/// <summary>Bilingual content stored as two columns; Arabic is required, English falls back to Arabic.</summary>
public sealed record LocalizedText(string Ar, string? En = null)
{
    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "ar" || string.IsNullOrWhiteSpace(En) ? Ar : En;

    public string Current => For(CultureInfo.CurrentUICulture);

    public override string ToString() => Current;
}
