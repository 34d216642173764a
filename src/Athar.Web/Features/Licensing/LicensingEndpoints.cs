using System.Security.Claims;
using Athar.Core.Common;
using Athar.Core.Licensing;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Web.Features.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Licensing;

public static class LicensingEndpoints
{
    public sealed record ReasonBody(string? Reason);

    public sealed record LicenseResponse(Guid Id, string Number, LicenseLevel Level, DateOnly IssuedOn, DateOnly ExpiresOn, LicenseStatus Status, string? StateReason);

    public sealed record LicenseWithHistoryResponse(LicenseResponse License, Guid? HolderUserId, Guid? OrganizationId, IReadOnlyList<LicenseRegister.HistoryEntry> History);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/me/licenses").WithTags("Licences").RequireAuthorization();
        mine.MapGet("/", MineAsync).WithName("ListMyLicenses").WithSummary("The signed-in person's licences with their status today; licences now earned are issued first.");
        mine.MapPost("/{id:guid}/renew", RenewMineAsync).WithName("RenewMyLicense").WithSummary("Renews the person's licence inside its renewal window.");

        var organization = api.MapGroup("/organizations/{organizationId:guid}/licenses").WithTags("Licences").RequireAuthorization(Policies.OrganizationWork);
        organization.MapGet("/", OrganizationLicensesAsync).WithName("ListOrganizationLicenses").WithSummary("The organisation's management licence, if any.");
        organization.MapPost("/{id:guid}/renew", RenewOrganizationAsync).WithName("RenewOrganizationLicense").WithSummary("Renews the organisation's management licence (organisation admins).");

        var admin = api.MapGroup("/admin/licenses").WithTags("Licences").RequireAuthorization(Policies.PlatformAdmin);
        admin.MapGet("/", FindAsync).WithName("FindLicenses").WithSummary("The latest licences, or the one with a given number.");
        admin.MapGet("/{id:guid}", DetailAsync).WithName("GetLicense").WithSummary("A licence with its full history.");
        admin.MapPost("/{id:guid}/suspend", (Guid id, ReasonBody body, ClaimsPrincipal user, LicenseDecisions decisions, HttpContext http, IStringLocalizer<LicensingText> t, CancellationToken ct) =>
            DecideAsync(id, LicenseDecisions.Decision.Suspend, body, user, decisions, http, t, ct)).WithName("SuspendLicense").WithSummary("Suspends a licence, with a reason.");
        admin.MapPost("/{id:guid}/reinstate", (Guid id, ReasonBody body, ClaimsPrincipal user, LicenseDecisions decisions, HttpContext http, IStringLocalizer<LicensingText> t, CancellationToken ct) =>
            DecideAsync(id, LicenseDecisions.Decision.Reinstate, body, user, decisions, http, t, ct)).WithName("ReinstateLicense").WithSummary("Lifts a suspension.");
        admin.MapPost("/{id:guid}/revoke", (Guid id, ReasonBody body, ClaimsPrincipal user, LicenseDecisions decisions, HttpContext http, IStringLocalizer<LicensingText> t, CancellationToken ct) =>
            DecideAsync(id, LicenseDecisions.Decision.Revoke, body, user, decisions, http, t, ct)).WithName("RevokeLicense").WithSummary("Revokes a licence for good, with a reason.");
        return api;
    }

    private static LicenseResponse Response(LicenseRegister.LicenseView l) => new(l.Id, l.Number, l.Level, l.IssuedOn, l.ExpiresOn, l.Status, l.StateReason);

    private static async Task<Ok<List<LicenseResponse>>> MineAsync(ClaimsPrincipal user, LicenseIssuer issuer, LicenseRegister register, CancellationToken ct)
    {
        var userId = user.RequiredUserId();
        await issuer.EvaluateAsync(userId, ct);
        return TypedResults.Ok((await register.ForPersonAsync(userId, ct)).Select(Response).ToList());
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult, ValidationProblem>> RenewMineAsync(
        Guid id, ClaimsPrincipal user, LicenseRegister register, LicenseDecisions decisions, HttpContext http, IStringLocalizer<LicensingText> t, CancellationToken ct)
    {
        var userId = user.RequiredUserId();
        if (await register.FindAsync(id, ct) is not { } licence || licence.HolderUserId != userId)
            return TypedResults.NotFound();
        return Outcome(await decisions.RenewAsync(id, userId, ct), http, t);
    }

    private static async Task<Results<Ok<List<LicenseResponse>>, NotFound>> OrganizationLicensesAsync(
        Guid organizationId, ClaimsPrincipal user, OrganizationGate gate, LicenseRegister register, CancellationToken ct)
    {
        if ((await gate.CheckAsync(user, organizationId, OrganizationOperations.View, ct)).Kind != OutcomeKind.Done)
            return TypedResults.NotFound();
        return TypedResults.Ok((await register.ForOrganizationAsync(organizationId, ct)).Select(Response).ToList());
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult, ValidationProblem>> RenewOrganizationAsync(
        Guid organizationId, Guid id, ClaimsPrincipal user, OrganizationGate gate, LicenseRegister register, LicenseDecisions decisions,
        HttpContext http, IStringLocalizer<LicensingText> t, CancellationToken ct)
    {
        // Viewers who may not manage get "not found" too: renewal is not theirs to know about.
        if ((await gate.CheckAsync(user, organizationId, OrganizationOperations.Manage, ct)).Kind != OutcomeKind.Done
            || await register.FindAsync(id, ct) is not { } licence || licence.OrganizationId != organizationId)
            return TypedResults.NotFound();
        return Outcome(await decisions.RenewAsync(id, user.RequiredUserId(), ct), http, t);
    }

    private static async Task<Ok<List<LicenseResponse>>> FindAsync(string? number, LicenseRegister register, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(number))
            return TypedResults.Ok((await register.FindByNumberAsync(number, ct)) is { } found ? [Response(found)] : new List<LicenseResponse>());
        return TypedResults.Ok((await register.LatestAsync(50, ct)).Select(Response).ToList());
    }

    private static async Task<Results<Ok<LicenseWithHistoryResponse>, NotFound>> DetailAsync(Guid id, LicenseRegister register, CancellationToken ct)
    {
        if (await register.FindAsync(id, ct) is not { } licence)
            return TypedResults.NotFound();
        return TypedResults.Ok(new LicenseWithHistoryResponse(Response(licence), licence.HolderUserId, licence.OrganizationId, await register.HistoryAsync(id, ct)));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult, ValidationProblem>> DecideAsync(
        Guid id, LicenseDecisions.Decision decision, ReasonBody body, ClaimsPrincipal user, LicenseDecisions decisions, HttpContext http, IStringLocalizer<LicensingText> t, CancellationToken ct) =>
        Outcome(await decisions.DecideAsync(id, decision, body.Reason, user.RequiredUserId(), ct), http, t);

    private static Results<NoContent, NotFound, ProblemHttpResult, ValidationProblem> Outcome(Refusal? refusal, HttpContext http, IStringLocalizer t) => refusal switch
    {
        null => TypedResults.NoContent(),
        { Code: "not-found" } => TypedResults.NotFound(),
        { Errors: { } errors } => ApiProblems.Invalid(http, errors, t),
        _ => ApiProblems.Refused(http, refusal, StatusCodes.Status409Conflict, t),
    };
}
