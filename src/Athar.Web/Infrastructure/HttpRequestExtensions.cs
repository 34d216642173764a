namespace Athar.Web.Infrastructure;

public static class HttpRequestExtensions
{
    /// <summary>API requests get ProblemDetails and status codes; everything else is a page.</summary>
    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
