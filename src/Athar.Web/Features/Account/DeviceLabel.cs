namespace Athar.Web.Features.Account;

/// <summary>
/// "Browser · system" from a User-Agent, enough for a person to recognise their own devices in the sessions list.
/// Deliberately coarse (no versions, no IP address): the label identifies a session to its owner, not a device to us.
/// </summary>
public static class DeviceLabel
{
    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"), ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"),
        ("curl/", "curl"), ("okhttp/", "Android app"), ("Dart/", "Mobile app"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Android", "Android"), ("Windows", "Windows"), ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
            return string.Empty;
        var browser = First(Browsers, userAgent);
        var system = First(Systems, userAgent);
        return (browser, system) switch
        {
            (null, null) => string.Empty,
            ({ } b, null) => b,
            (null, { } s) => s,
            ({ } b, { } s) => $"{b} · {s}",
        };
    }

    private static string? First((string Token, string Name)[] table, string userAgent) =>
        table.FirstOrDefault(e => userAgent.Contains(e.Token, StringComparison.Ordinal)).Name;
}
