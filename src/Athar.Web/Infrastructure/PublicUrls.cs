namespace Athar.Web.Infrastructure;

/// <summary>
/// Absolute links for messages (confirmation, password reset, guardian consent). When
/// Athar:PublicBaseUrl is configured it is always used, so a forged Host header can never
/// point a reset link at another site; development falls back to the request's own host.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = configuration["Athar:PublicBaseUrl"];
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured.TrimEnd('/')
            : http.HttpContext is { } context ? $"{context.Request.Scheme}://{context.Request.Host}" : "http://localhost:5080";
        return baseUrl + pathAndQuery;
    }
}
