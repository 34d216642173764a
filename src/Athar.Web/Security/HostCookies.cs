namespace Athar.Web.Security;

/// <summary>
/// The session, antiforgery and two-factor-step cookies carry the <c>__Host-</c> prefix (ASVS 3.3.1, 3.3.3): a browser keeps such a
/// cookie only when it is Secure, has Path=/ and no Domain, so neither a sibling subdomain nor a plain-http page can
/// plant or overwrite it. Browsers refuse a <c>__Host-</c> cookie that is not Secure, and on plain http (development
/// with <c>dotnet run</c>, the browser tests on http://127.0.0.1, the loopback cluster and the benchmarks) the
/// cookies cannot be Secure; so on a request that is not HTTPS the prefix is taken off the cookies the app sets and
/// put back on the ones it receives. The app itself only ever knows the prefixed names.
/// </summary>
public static class HostCookies
{
    public const string Prefix = "__Host-";
    public const string Session = Prefix + "athar.auth";
    public const string Antiforgery = Prefix + "athar.af";

    /// <summary>Identity's short-lived cookie between the password and the second sign-in step.</summary>
    public const string TwoFactor = Prefix + "athar.2fa";

    private static readonly string[] Names = [Session, Antiforgery, TwoFactor];

    /// <summary>After the forwarded headers (which say whether the client spoke HTTPS), before anything reads a cookie.</summary>
    public static IApplicationBuilder UsePlainNamesOverHttp(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.IsHttps)
            {
                AddPrefixToReceived(context.Request);
                context.Response.OnStarting(() =>
                {
                    RemovePrefixFromSet(context.Response);
                    return Task.CompletedTask;
                });
            }
            await next();
        });

    private static void AddPrefixToReceived(HttpRequest request)
    {
        var header = request.Headers.Cookie.ToString();
        if (header.Length == 0)
            return;
        var cookies = header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            // A prefixed cookie arriving over plain http cannot be a genuine one (it is only ever set over HTTPS).
            .Where(c => !IsOurs(c, prefixed: true))
            .Select(c => IsOurs(c, prefixed: false) ? Prefix + c : c);
        request.Headers.Cookie = string.Join("; ", cookies);
    }

    private static void RemovePrefixFromSet(HttpResponse response)
    {
        var set = response.Headers.SetCookie;
        if (!set.Any(c => c is not null && IsOurs(c, prefixed: true)))
            return;
        response.Headers.SetCookie = set.Select(c => c is not null && IsOurs(c, prefixed: true) ? c[Prefix.Length..] : c).ToArray();
    }

    /// <summary>Whether a "name=value…" pair is one of these cookies or one of its chunks (a large session cookie is split into nameC1, nameC2…).</summary>
    private static bool IsOurs(string pair, bool prefixed)
    {
        var name = pair.AsSpan(0, Math.Max(pair.IndexOf('=', StringComparison.Ordinal), 0));
        foreach (var full in Names)
        {
            var expected = prefixed ? full : full[Prefix.Length..];
            if (name.SequenceEqual(expected)
                || (name.StartsWith(expected + "C", StringComparison.Ordinal) && name.Length > expected.Length + 1 && int.TryParse(name[(expected.Length + 1)..], out _)))
                return true;
        }
        return false;
    }
}
