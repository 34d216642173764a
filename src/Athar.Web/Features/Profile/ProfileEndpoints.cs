using Athar.Core.Accounts;
using Athar.Core.Common;
using Athar.Web.Features.Guardian;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

namespace Athar.Web.Features.Profile;

public static class ProfileEndpoints
{
    public sealed record GuardianCodeBody(string? Code);

    public static RouteGroupBuilder MapProfileEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Profile").RequireAuthorization();

        me.MapGet("/", GetAsync)
            .WithName("GetMyProfile")
            .WithSummary("The signed-in person's own profile, including their full national ID.");

        me.MapPut("/", UpdateAsync)
            .RequireAuthorization(Policies.Volunteer)
            .WithName("UpdateMyProfile")
            .WithSummary("Changes the signed-in volunteer's profile.");

        me.MapPost("/guardian-code", ConfirmGuardianCodeAsync)
            .RequireAuthorization(Policies.Volunteer)
            .WithName("ConfirmGuardianCode")
            .WithSummary("A minor enters the code their guardian received by SMS.");

        return api;
    }

    private static async Task<Results<Ok<VolunteerProfile.View>, NotFound>> GetAsync(ClaimsPrincipal user, VolunteerProfile profiles, CancellationToken cancellationToken) =>
        await profiles.GetAsync(user.RequiredUserId(), cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<NoContent, ValidationProblem>> UpdateAsync(
        ProfileUpdateInput input, ClaimsPrincipal user, VolunteerProfile profiles, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = await profiles.UpdateAsync(user.RequiredUserId(), input, cancellationToken);
        return errors.Count > 0 ? ApiProblems.Invalid(http, errors) : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmGuardianCodeAsync(
        GuardianCodeBody body, ClaimsPrincipal user, GuardianConsents consents, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await consents.ConfirmByCodeAsync(user.RequiredUserId(), body.Code, cancellationToken);
        return outcome switch
        {
            GuardianConsents.Outcome.Confirmed or GuardianConsents.Outcome.AlreadyConfirmed => TypedResults.NoContent(),
            GuardianConsents.Outcome.WrongCode => ApiProblems.Refused(http, new Refusal("guardian-code-wrong"), StatusCodes.Status400BadRequest),
            GuardianConsents.Outcome.TooManyAttempts => ApiProblems.Refused(http, new Refusal("guardian-code-locked"), StatusCodes.Status429TooManyRequests),
            GuardianConsents.Outcome.Expired => ApiProblems.Refused(http, new Refusal("guardian-link-expired"), StatusCodes.Status410Gone),
            _ => ApiProblems.Refused(http, new Refusal("guardian-not-required"), StatusCodes.Status404NotFound),
        };
    }
}
