namespace Athar.Web.Infrastructure;

public static class HttpRequestExtensions
{
    /// <summary>API requests get ProblemDetails and status codes; everything else is a page.</summary>
    public static bool IsApi(this HttpRequest request) => IsApiPath(request.Path);

    /// <summary>The same decision for a path other than the current one (the original path of a re-executed request).</summary>
    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
