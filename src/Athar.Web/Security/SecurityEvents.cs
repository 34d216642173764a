using System.Diagnostics;
using Athar.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Athar.Web.Security;

/// <summary>How a sign-in step proved who the person is.</summary>
public enum SignInMethod
{
    Password,
    Authenticator,
    RecoveryCode,
    RefreshToken,
}

/// <summary>
/// Why a security step was refused. The log may say <see cref="UnknownAccount"/>; the HTTP answer never does
/// (ADR 0014: no account enumeration), and what was typed is never logged.
/// </summary>
public enum SecurityRefusal
{
    UnknownAccount,
    WrongPassword,
    LockedOut,
    NotAllowed,
    SecondFactorMissing,
    WrongSecondFactor,
    InvalidToken,
    ExpiredToken,
    SessionRevoked,
}

/// <summary>
/// Security events (OWASP ASVS 5.0 16.3.1–16.3.3) in the log category <c>Athar.Security</c>, with stable event ids so
/// an operator's alerting can match them (docs/logging.md lists them). Each carries the outcome, the account's id
/// when it is known (a Guid, never the e-mail, national ID or mobile number typed), the client address (needed to
/// investigate abuse; docs/PRIVACY.md), the request's trace id (the <c>traceId</c> of the ProblemDetails answer)
/// and the channel: <c>api</c> for <c>/api</c>, <c>page</c> otherwise. The audit trail is separate: it records
/// business changes, hash-chained, in the database.
/// </summary>
public static partial class SecurityEvents
{
    public const string Category = "Athar.Security";

    public static void SignInSucceeded(this HttpContext http, Guid userId, SignInMethod method) =>
        LogSignInSucceeded(Logger(http), userId, method, Channel(http), ClientIp(http), TraceId(http));

    public static void SignInFailed(this HttpContext http, Guid? userId, SignInMethod method, SecurityRefusal reason) =>
        LogSignInFailed(Logger(http), userId, method, reason, Channel(http), ClientIp(http), TraceId(http));

    public static void SecondFactorRequired(this HttpContext http, Guid userId) =>
        LogSecondFactorRequired(Logger(http), userId, Channel(http), ClientIp(http), TraceId(http));

    public static void AccountLockedOut(this HttpContext http, Guid userId, SignInMethod method) =>
        LogAccountLockedOut(Logger(http), userId, method, Channel(http), ClientIp(http), TraceId(http));

    public static void SignedOut(this HttpContext http, Guid? userId) =>
        LogSignedOut(Logger(http), userId, Channel(http), ClientIp(http), TraceId(http));

    public static void TokenRefreshed(this HttpContext http, Guid userId) =>
        LogTokenRefreshed(Logger(http), userId, Channel(http), ClientIp(http), TraceId(http));

    public static void TokenRefreshRefused(this HttpContext http, SecurityRefusal reason) =>
        LogTokenRefreshRefused(Logger(http), reason, Channel(http), ClientIp(http), TraceId(http));

    public static void SessionEndedByLimit(this HttpContext http, Guid userId, Guid sessionId, int limit) =>
        LogSessionEndedByLimit(Logger(http), userId, sessionId, limit, Channel(http), ClientIp(http), TraceId(http));

    public static void PasswordResetRequested(this HttpContext http, Guid? userId) =>
        LogPasswordResetRequested(Logger(http), userId, userId is null ? SecurityRefusal.UnknownAccount : null, Channel(http), ClientIp(http), TraceId(http));

    public static void PasswordResetCompleted(this HttpContext http, Guid userId) =>
        LogPasswordResetCompleted(Logger(http), userId, Channel(http), ClientIp(http), TraceId(http));

    public static void PasswordResetFailed(this HttpContext http, Guid? userId, SecurityRefusal reason) =>
        LogPasswordResetFailed(Logger(http), userId, reason, Channel(http), ClientIp(http), TraceId(http));

    /// <summary>A reset attempt with a known account: completed, or refused for its code. A new password the policy rejects is no security event.</summary>
    public static void PasswordResetOutcome(this HttpContext http, Guid userId, IdentityResult result)
    {
        if (result.Succeeded)
            http.PasswordResetCompleted(userId);
        else if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            http.PasswordResetFailed(userId, SecurityRefusal.InvalidToken);
    }

    public static void EmailChangeRequested(this HttpContext http, Guid userId, bool addressTaken) =>
        LogEmailChangeRequested(Logger(http), userId, addressTaken, Channel(http), ClientIp(http), TraceId(http));

    public static void EmailChanged(this HttpContext http, Guid userId) =>
        LogEmailChanged(Logger(http), userId, Channel(http), ClientIp(http), TraceId(http));

    public static void EmailChangeRefused(this HttpContext http, Guid? userId, SecurityRefusal reason) =>
        LogEmailChangeRefused(Logger(http), userId, reason, Channel(http), ClientIp(http), TraceId(http));

    public static void TwoFactorEnabled(this HttpContext http, Guid userId) =>
        LogTwoFactorEnabled(Logger(http), userId, Channel(http), ClientIp(http), TraceId(http));

    public static void TwoFactorDisabled(this HttpContext http, Guid userId) =>
        LogTwoFactorDisabled(Logger(http), userId, Channel(http), ClientIp(http), TraceId(http));

    public static void AccessForbidden(this HttpContext http, string? route, string policy, string failed) =>
        LogAccessForbidden(Logger(http), http.User.UserId(), route, policy, failed, http.Request.Method, Channel(http), ClientIp(http), TraceId(http));

    public static void AccessChallenged(this HttpContext http, string? route, string policy) =>
        LogAccessChallenged(Logger(http), route, policy, http.Request.Method, Channel(http), ClientIp(http), TraceId(http));

    /// <summary>Someone asked for an object they may not see or change (answered 404 or 403 by the object-level check).</summary>
    public static void ObjectAccessRefused(this HttpContext http, string objectType, Guid objectId, string operation) =>
        LogObjectAccessRefused(Logger(http), http.User.UserId(), objectType, objectId, operation, RouteOf(http), Channel(http), ClientIp(http), TraceId(http));

    /// <summary>The same for an object with a numeric id (a notification): one event id, whatever the key's type.</summary>
    public static void ObjectAccessRefused(this HttpContext http, string objectType, long objectId, string operation) =>
        LogObjectAccessRefused(Logger(http), http.User.UserId(), objectType, objectId, operation, RouteOf(http), Channel(http), ClientIp(http), TraceId(http));

    public static void AntiforgeryRejected(this HttpContext http) =>
        LogAntiforgeryRejected(Logger(http), http.User.UserId(), RouteOf(http), http.Request.Method, Channel(http), ClientIp(http), TraceId(http));

    public static void RateLimited(this HttpContext http, string? limit) =>
        LogRateLimited(Logger(http), limit, RouteOf(http), http.User.UserId(), Channel(http), ClientIp(http), TraceId(http));

    /// <summary>The endpoint's route pattern (<c>/api/v1/organizations/{id:guid}</c>), never the path with its values.</summary>
    public static string? RouteOf(HttpContext http) => (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;

    private static ILogger Logger(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);

    private static string Channel(HttpContext http) => http.Request.IsApi() ? "api" : "page";

    private static string? ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    private static string TraceId(HttpContext http) => Activity.Current?.Id ?? http.TraceIdentifier;

    [LoggerMessage(EventId = 1000, EventName = "SignInSucceeded", Level = LogLevel.Information,
        Message = "Sign-in succeeded for user {UserId} by {Method} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogSignInSucceeded(ILogger logger, Guid userId, SignInMethod method, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1001, EventName = "SignInFailed", Level = LogLevel.Warning,
        Message = "Sign-in failed for user {UserId} by {Method}: {Reason} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogSignInFailed(ILogger logger, Guid? userId, SignInMethod method, SecurityRefusal reason, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1002, EventName = "SecondFactorRequired", Level = LogLevel.Information,
        Message = "Password accepted for user {UserId}; second factor required ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogSecondFactorRequired(ILogger logger, Guid userId, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1003, EventName = "AccountLockedOut", Level = LogLevel.Warning,
        Message = "Account of user {UserId} locked out after failed {Method} attempts ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogAccountLockedOut(ILogger logger, Guid userId, SignInMethod method, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1004, EventName = "SignedOut", Level = LogLevel.Information,
        Message = "User {UserId} signed out ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogSignedOut(ILogger logger, Guid? userId, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1005, EventName = "TokenRefreshed", Level = LogLevel.Information,
        Message = "Refresh token used by user {UserId} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogTokenRefreshed(ILogger logger, Guid userId, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1006, EventName = "TokenRefreshRefused", Level = LogLevel.Warning,
        Message = "Refresh token refused: {Reason} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogTokenRefreshRefused(ILogger logger, SecurityRefusal reason, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1007, EventName = "SessionEndedByLimit", Level = LogLevel.Warning,
        Message = "Session {SessionId} of user {UserId} ended: a new sign-in went past {Limit} parallel sessions ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogSessionEndedByLimit(ILogger logger, Guid userId, Guid sessionId, int limit, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1010, EventName = "PasswordResetRequested", Level = LogLevel.Information,
        Message = "Password reset requested for user {UserId} {Refusal} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogPasswordResetRequested(ILogger logger, Guid? userId, SecurityRefusal? refusal, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1011, EventName = "PasswordResetCompleted", Level = LogLevel.Information,
        Message = "Password reset completed for user {UserId} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogPasswordResetCompleted(ILogger logger, Guid userId, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1012, EventName = "PasswordResetFailed", Level = LogLevel.Warning,
        Message = "Password reset refused for user {UserId}: {Reason} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogPasswordResetFailed(ILogger logger, Guid? userId, SecurityRefusal reason, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1013, EventName = "EmailChangeRequested", Level = LogLevel.Information,
        Message = "E-mail change requested by user {UserId}, address taken: {AddressTaken} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogEmailChangeRequested(ILogger logger, Guid userId, bool addressTaken, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1014, EventName = "EmailChanged", Level = LogLevel.Information,
        Message = "E-mail address of user {UserId} changed through the confirmation link ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogEmailChanged(ILogger logger, Guid userId, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1015, EventName = "EmailChangeRefused", Level = LogLevel.Warning,
        Message = "E-mail change refused for user {UserId}: {Reason} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogEmailChangeRefused(ILogger logger, Guid? userId, SecurityRefusal reason, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1020, EventName = "TwoFactorEnabled", Level = LogLevel.Information,
        Message = "Two-factor sign-in switched on by user {UserId} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogTwoFactorEnabled(ILogger logger, Guid userId, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1021, EventName = "TwoFactorDisabled", Level = LogLevel.Warning,
        Message = "Two-factor sign-in switched off by user {UserId} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogTwoFactorDisabled(ILogger logger, Guid userId, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1030, EventName = "AccessForbidden", Level = LogLevel.Warning,
        Message = "Access forbidden to user {UserId}: {HttpMethod} {Route} needs {Policy}, failed {FailedRequirements} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogAccessForbidden(ILogger logger, Guid? userId, string? route, string policy, string failedRequirements, string httpMethod, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1031, EventName = "AccessChallenged", Level = LogLevel.Information,
        Message = "Sign-in required: {HttpMethod} {Route} needs {Policy} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogAccessChallenged(ILogger logger, string? route, string policy, string httpMethod, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1032, EventName = "ObjectAccessRefused", Level = LogLevel.Warning,
        Message = "User {UserId} refused {Operation} on {ObjectType} {ObjectId} at {Route} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogObjectAccessRefused(ILogger logger, Guid? userId, string objectType, object objectId, string operation, string? route, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1040, EventName = "AntiforgeryRejected", Level = LogLevel.Warning,
        Message = "Antiforgery token missing or invalid for user {UserId}: {HttpMethod} {Route} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogAntiforgeryRejected(ILogger logger, Guid? userId, string? route, string httpMethod, string channel, string? clientIp, string traceId);

    [LoggerMessage(EventId = 1041, EventName = "RateLimited", Level = LogLevel.Warning,
        Message = "Rate limit {Limit} refused a request to {Route} from user {UserId} ({Channel}, client {ClientIp}, trace {TraceId})")]
    private static partial void LogRateLimited(ILogger logger, string? limit, string? route, Guid? userId, string channel, string? clientIp, string traceId);
}
