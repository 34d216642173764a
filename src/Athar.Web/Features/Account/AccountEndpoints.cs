using System.Globalization;
using Athar.Core.Accounts;
using Athar.Core.Common;
using Athar.Data.Accounts;
using Athar.Web.Features.Guardian;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Account;

public static class AccountEndpoints
{
    /// <param name="TwoFactorCode">The authenticator code, for accounts with two-factor sign-in.</param>
    /// <param name="TwoFactorRecoveryCode">Or one of the account's recovery codes (each works once).</param>
    public sealed record LoginRequest(string? Identifier, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

    /// <summary>The same answer whether the account is new or the person was already registered (no account enumeration).</summary>
    public sealed record RegistrationReceived(bool GuardianConsentRequired);

    public sealed record ForgotPasswordBody(string? Email);

    public sealed record ResetPasswordBody(string? Email, string? Code, string? NewPassword);

    public sealed record ConfirmEmailBody(Guid UserId, string? Code);

    public sealed record GuardianTokenBody(string? Token);

    /// <param name="NewEmail">The address to move to; it changes only when the link sent there is opened.</param>
    public sealed record ChangeEmailBody(string? NewEmail, string? CurrentPassword);

    public sealed record ConfirmEmailChangeBody(Guid UserId, string? Email, string? Code);

    public sealed record ChangePasswordBody(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts").AllowAnonymous();

        auth.MapPost("/register", RegisterAsync)
            .RequireRateLimiting(RateLimits.Registration)
            .WithName("RegisterVolunteer")
            .WithSummary("Registers a volunteer (one national record per person). Answers 202 alike for a new person and a registered one; the registered account's owner is e-mailed instead.");

        auth.MapPost("/login", LoginAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .WithName("Login")
            .WithSummary("Signs in with e-mail, national ID or mobile and a password (plus twoFactorCode or twoFactorRecoveryCode when the account has two-factor sign-in); returns a bearer access token and a refresh token.");

        auth.MapPost("/refresh", RefreshAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .WithName("RefreshToken")
            .WithSummary("Exchanges a refresh token for a new access token.");

        auth.MapPost("/forgot-password", ForgotPasswordAsync)
            .RequireRateLimiting(RateLimits.PasswordReset)
            .WithName("ForgotPassword")
            .WithSummary("Sends a password-reset link if the e-mail belongs to an account; always answers 202.");

        auth.MapPost("/reset-password", ResetPasswordAsync)
            .RequireRateLimiting(RateLimits.PasswordReset)
            .WithName("ResetPassword")
            .WithSummary("Sets a new password with the code from the reset e-mail.");

        auth.MapPost("/confirm-email-change", ConfirmEmailChangeAsync)
            .RequireRateLimiting(RateLimits.Verification)
            .WithName("ConfirmEmailChange")
            .WithSummary("Changes the account's e-mail address with the userId, email and code of the link sent to the new address; every other session ends.");

        auth.MapPost("/confirm-email", ConfirmEmailAsync)
            .WithName("ConfirmEmail")
            .WithSummary("Confirms an e-mail address with the code from the confirmation e-mail.");

        api.MapPost("/guardian-consent", ConfirmGuardianAsync)
            .WithTags("Accounts")
            .AllowAnonymous()
            .WithName("ConfirmGuardianConsent")
            .WithSummary("A guardian confirms consent for a minor with the token from the SMS link.");

        api.MapSessionsEndpoints();

        api.MapPost("/me/password", ChangePasswordAsync)
            .WithTags("Accounts")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithMetadata(new PerAccountRateLimitAttribute(RateLimits.CurrentPassword))
            .WithName("ChangeMyPassword")
            .WithSummary("Changes the signed-in person's password (current one required). Every other session ends at once; this access token works until it expires, but its refresh token no longer does: sign in again for a new one.");

        api.MapPost("/me/email", ChangeEmailAsync)
            .WithTags("Accounts")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithMetadata(new PerAccountRateLimitAttribute(RateLimits.CurrentPassword))
            .WithName("ChangeMyEmail")
            .WithSummary("Asks to change the signed-in person's e-mail address (current password required): 202, a link goes to the new address and a notice to the old one. An address another account uses gets the same 202.");

        return api;
    }

    private static async Task<Results<Accepted<RegistrationReceived>, ValidationProblem>> RegisterAsync(
        VolunteerRegistrationInput input, RegisterVolunteer register, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await register.RegisterAsync(input, CultureInfo.CurrentUICulture, cancellationToken);
        if (!result.Received)
            return ApiProblems.Invalid(http, result.Errors);
        return TypedResults.Accepted((string?)null, new RegistrationReceived(result.GuardianConsentRequired));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInLookup lookup, SignInManager<AtharUser> signIn, SessionTracker sessions, HttpContext http)
    {
        var (outcome, user) = await lookup.CheckAsync(request.Identifier, request.Password);
        // A locked account answers like a wrong password: only an existing account can be locked, so a
        // different answer would tell an attacker which identifiers are registered.
        if (outcome != SignInLookup.Outcome.Succeeded)
            return ApiProblems.Refused(http, new Refusal("invalid-credentials"), StatusCodes.Status401Unauthorized);
        if (user!.TwoFactorEnabled)
        {
            // Only said after a right password, so it tells nothing to someone guessing accounts.
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode) && string.IsNullOrWhiteSpace(request.TwoFactorRecoveryCode))
            {
                http.SignInFailed(user.Id, SignInMethod.Authenticator, SecurityRefusal.SecondFactorMissing);
                return ApiProblems.Refused(http, new Refusal("two-factor-required"), StatusCodes.Status401Unauthorized);
            }
            if (!await lookup.CheckSecondFactorAsync(user, request.TwoFactorCode, request.TwoFactorRecoveryCode))
                return ApiProblems.Refused(http, new Refusal("invalid-credentials"), StatusCodes.Status401Unauthorized);
        }
        // The bearer handler writes the AccessTokenResponse body itself; the token carries its new session's id.
        await sessions.SignInWithTokenAsync(signIn, user, http);
        return TypedResults.Empty;
    }

    private static async Task<Results<SignInHttpResult, ChallengeHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<AtharUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, SessionTracker sessions, HttpContext http)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        var user = ticket?.Properties.ExpiresUtc is { } expires && clock.GetUtcNow() < expires ? await signIn.ValidateSecurityStampAsync(ticket.Principal) : null;
        // An ended session, or one past its absolute lifetime, refreshes no more (ASVS 7.3.2, 7.4.5).
        if (user is null || !await sessions.IsActiveAsync(ticket!.Principal))
        {
            // Refused for a changed security stamp (password, two-factor): the session's record ends with it.
            if (ticket is not null && SessionTracker.IdOf(ticket.Principal) is { } ended && ticket.Principal.UserId() is { } owner)
                await sessions.EndAsync(owner, ended);
            http.TokenRefreshRefused(ticket?.Properties.ExpiresUtc is null ? SecurityRefusal.InvalidToken
                : clock.GetUtcNow() >= ticket.Properties.ExpiresUtc ? SecurityRefusal.ExpiredToken : SecurityRefusal.SessionRevoked);
            return TypedResults.Challenge();
        }
        http.TokenRefreshed(user.Id);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(ticket.Principal.FindFirst(SessionTracker.Claim)!);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Accepted> ForgotPasswordAsync(
        ForgotPasswordBody body, UserManager<AtharUser> users, AccountMessages messages, Athar.Data.AtharDbContext db, HttpContext http)
    {
        var user = !string.IsNullOrWhiteSpace(body.Email) && body.Email.Length <= 256 ? await users.FindByEmailAsync(body.Email.Trim()) : null;
        http.PasswordResetRequested(user?.Id);
        if (user is not null)
        {
            await messages.QueuePasswordResetAsync(user);
            await db.SaveChangesAsync();
        }
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem>> ResetPasswordAsync(
        ResetPasswordBody body, UserManager<AtharUser> users, SessionTracker sessions, HttpContext http)
    {
        var token = AccountMessages.Decode(body.Code);
        var user = string.IsNullOrWhiteSpace(body.Email) || body.Email.Length > 256 ? null : await users.FindByEmailAsync(body.Email.Trim());
        if (user is null || token is null)
        {
            http.PasswordResetFailed(user?.Id, user is null ? SecurityRefusal.UnknownAccount : SecurityRefusal.InvalidToken);
            return ApiProblems.Invalid(http, [new FieldError("Code", "Identity.InvalidToken")]);
        }
        var result = await users.ResetPasswordAsync(user, token, body.NewPassword ?? string.Empty);
        await sessions.PasswordResetOutcomeAsync(http, user.Id, result);
        if (!result.Succeeded)
            return ApiProblems.Invalid(http, result.Errors.Select(e => new FieldError(e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? "Code" : "NewPassword", $"Identity.{e.Code}")).ToList());
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound>> ChangePasswordAsync(
        ChangePasswordBody body, UserManager<AtharUser> users, PasswordChange change, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
            return TypedResults.NotFound();
        var errors = await change.ChangeAsync(user, body.CurrentPassword, body.NewPassword, body.ConfirmPassword, SessionTracker.IdOf(http.User));
        return errors.Count > 0 ? ApiProblems.Invalid(http, errors) : TypedResults.NoContent();
    }

    private static async Task<Results<Accepted, ValidationProblem, NotFound>> ChangeEmailAsync(
        ChangeEmailBody body, UserManager<AtharUser> users, EmailChange change, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
            return TypedResults.NotFound();
        var errors = await change.RequestAsync(user, body.NewEmail, body.CurrentPassword, http);
        return errors.Count > 0 ? ApiProblems.Invalid(http, errors) : TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem>> ConfirmEmailChangeAsync(
        ConfirmEmailChangeBody body, EmailChange change, HttpContext http) =>
        await change.ConfirmAsync(body.UserId, body.Email, body.Code, http)
            ? TypedResults.NoContent()
            : ApiProblems.Invalid(http, [new FieldError("Code", "Identity.InvalidToken")]);

    private static async Task<Results<NoContent, ValidationProblem>> ConfirmEmailAsync(
        ConfirmEmailBody body, UserManager<AtharUser> users, HttpContext http)
    {
        var token = AccountMessages.Decode(body.Code);
        var user = await users.FindByIdAsync(body.UserId.ToString());
        if (user is null || token is null || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
            return ApiProblems.Invalid(http, [new FieldError("Code", "Identity.InvalidToken")]);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmGuardianAsync(
        GuardianTokenBody body, GuardianConsents consents, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await consents.ConfirmByTokenAsync(body.Token, cancellationToken);
        return outcome switch
        {
            GuardianConsents.Outcome.Confirmed or GuardianConsents.Outcome.AlreadyConfirmed => TypedResults.NoContent(),
            GuardianConsents.Outcome.Expired => ApiProblems.Refused(http, new Refusal("guardian-link-expired"), StatusCodes.Status410Gone),
            _ => ApiProblems.Refused(http, new Refusal("guardian-link-invalid"), StatusCodes.Status404NotFound),
        };
    }
}
