namespace Athar.Core.Text;

/// <summary>
/// The one rule for putting a stored address into an <c>href</c>. HTML encoding stops markup but not a
/// <c>javascript:</c>, <c>data:</c> or <c>vbscript:</c> address, which runs when clicked. Browsers also strip
/// leading spaces and control characters and ignore tabs and newlines inside a scheme ("java&#9;script:"), read
/// "//host" and "/\host" as another site, and treat a backslash as a slash; so the rule allows, rather than
/// blocks: an absolute http(s) address for outside sites, a plain path for the app's own links, nothing else.
/// An address that fails is shown as text, never as a link.
/// </summary>
public static class SafeLinks
{
    /// <summary>Longer than any address a person would type; refuses padding tricks that hide the real host.</summary>
    public const int MaxLength = 2048;

    /// <summary>The address for a link to another site (an organisation's website), or null to show it as text.</summary>
    public static string? ExternalHref(string? address)
    {
        if (!HasOnlyAddressCharacters(address))
            return null;
        if (!address.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && !address.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            return null;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Host.Length == 0
            // "https://bank.example@evil.example" shows one site and opens another.
            || uri.UserInfo.Length > 0)
            return null;
        return address;
    }

    /// <summary>The address for a link the app made to one of its own pages (a notification's "/me/licenses"), or null.</summary>
    public static string? LocalHref(string? address)
    {
        if (!HasOnlyAddressCharacters(address))
            return null;
        // "//evil.example" is protocol-relative: another site.
        return address.Length > 0 && address[0] == '/' && (address.Length == 1 || address[1] != '/') ? address : null;
    }

    private static bool HasOnlyAddressCharacters([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? address)
    {
        if (address is null || address.Length == 0 || address.Length > MaxLength)
            return false;
        foreach (var c in address)
        {
            // Spaces, tabs, newlines and C0/C1 controls are stripped or skipped by browsers; format characters
            // (bidi overrides, zero-width) make the shown address differ from the real one; a backslash is a slash.
            if (c <= ' ' || c is '\\' or '"' or '<' or '>' or '`' || char.IsControl(c) || char.IsWhiteSpace(c)
                || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format)
                return false;
        }
        return true;
    }
}
