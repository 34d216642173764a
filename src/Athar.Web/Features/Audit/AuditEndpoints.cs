using Athar.Data.Audit;
using Athar.Web.Security;

namespace Athar.Web.Features.Audit;

public static class AuditEndpoints
{
    public sealed record VerifyResponse(bool Intact, long Checked, long? BrokenAt, string? Problem, long Pending, string? HeadHash);

    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/admin/audit/verify", async (AuditVerifier verifier, CancellationToken ct) =>
            {
                var report = await verifier.VerifyAsync(ct);
                return TypedResults.Ok(new VerifyResponse(report.Verdict.Intact, report.Verdict.Checked, report.Verdict.BrokenAt, report.Verdict.Problem, report.Pending, report.HeadHash));
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithTags("Audit");
    }
}
