using System.Security.Cryptography;
using Athar.Core.Common;
using Athar.Data.Idempotency;
using Athar.Web.Security;

namespace Athar.Web.Infrastructure.Idempotency;

/// <summary>
/// API writes (POST, PUT, PATCH, DELETE under /api) sent with an <c>Idempotency-Key</c> header run once per
/// caller and key: a retry of the same request gets the first response back (status, body, Location) with
/// <c>Idempotent-Replayed: true</c> and changes nothing; the same key with a different request is refused
/// (422), and a retry while the first is still running is told so (409). Responses of 500 and above are not
/// kept, so a retry after a server failure runs again.
/// <para>
/// The claim is a row keyed by (caller, key) in the database, so it holds across app nodes. The response is
/// stored after the handler commits: if the node dies in between, the claim lapses after <see cref="Lease"/>
/// and a retry runs the handler again, where the platform's own unique rules (one application per shift,
/// one attendance per application, …) keep the write single.
/// </para>
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotentRequests requests)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public async Task InvokeAsync(HttpContext http)
    {
        if (!IsWrite(http.Request) || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(http);
            return;
        }
        var key = values.ToString();
        if (!IsValidKey(key))
        {
            await RefuseAsync(http, "idempotency_key_invalid", StatusCodes.Status400BadRequest);
            return;
        }
        var scope = http.User.UserId()?.ToString() ?? "anonymous";
        var fingerprint = await FingerprintAsync(http.Request, http.RequestAborted);
        var claim = await requests.ClaimAsync(scope, key, fingerprint, Lease, http.RequestAborted);
        switch (claim.Outcome)
        {
            case ClaimOutcome.Replay:
                await ReplayAsync(http, claim.Previous!);
                return;
            case ClaimOutcome.Mismatch:
                await RefuseAsync(http, "idempotency_key_reused", StatusCodes.Status422UnprocessableEntity);
                return;
            case ClaimOutcome.InProgress:
                http.Response.Headers.RetryAfter = "1";
                await RefuseAsync(http, "idempotency_in_progress", StatusCodes.Status409Conflict);
                return;
        }

        var original = http.Response.Body;
        var copy = new ResponseCopyStream(original, IdempotencyLimits.MaxStoredBody);
        http.Response.Body = copy;
        try
        {
            await next(http);
        }
        catch
        {
            await ForgetAsync(http, scope, key);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }
        var response = http.Response;
        if (response.StatusCode >= 500 || copy.Overflowed)
        {
            await ForgetAsync(http, scope, key);
            return;
        }
        try
        {
            await requests.CompleteAsync(scope, key, response.StatusCode, response.ContentType, response.Headers.Location.ToString(), copy.Captured, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The handler has committed and the client holds (or is receiving) its answer: failing now would turn an
            // acknowledged write into an error. The claim lapses after the lease and a retry runs the handler again,
            // where the platform's unique rules keep the write single.
            Log(http).LogWarning(ex, "Could not store the idempotent response for {Path}; the claim lapses after {Lease}", http.Request.Path, Lease);
        }
    }

    /// <summary>Releasing is best effort: a failure here (the database is down) must not hide the request's own outcome.</summary>
    private async Task ForgetAsync(HttpContext http, string scope, string key)
    {
        try
        {
            await requests.ReleaseAsync(scope, key, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log(http).LogWarning(ex, "Could not release the idempotency claim for {Path}; it lapses after {Lease}", http.Request.Path, Lease);
        }
    }

    private static ILogger Log(HttpContext http) => http.RequestServices.GetRequiredService<ILogger<IdempotencyMiddleware>>();

    private static bool IsWrite(HttpRequest request) =>
        request.IsApi() && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method));

    /// <summary>Printable ASCII, 1 to 200 characters (a UUID is the usual choice).</summary>
    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= IdempotencyLimits.MaxKeyLength && key.All(c => c is >= '!' and <= '~');

    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task ReplayAsync(HttpContext http, IdempotentRequest previous)
    {
        var response = http.Response;
        response.StatusCode = previous.StatusCode!.Value;
        response.Headers[ReplayedHeader] = "true";
        if (previous.ContentType is { Length: > 0 } type)
            response.ContentType = type;
        if (previous.Location is { Length: > 0 } location)
            response.Headers.Location = location;
        if (previous.Body is { Length: > 0 } body)
        {
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    private static Task RefuseAsync(HttpContext http, string code, int status) =>
        ApiProblems.Refused(http, new Refusal(code), status).ExecuteAsync(http);
}
