using System.Globalization;
using System.Security.Claims;
using Athar.Core.Certificates;
using Athar.Data;
using Athar.Data.Licensing;
using Athar.Data.Training;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Athar.Web.Features.Certificates;

public static class CertificateEndpoints
{
    public sealed record DocumentLink(string Kind, string Title, string Url);

    public sealed record FactResponse(string Label, string Value);

    public sealed record VerificationResponse(VerificationStatus Status, string? Code, DocumentKind? Kind, DateTimeOffset? IssuedAt, string? HolderName, string? Title, IReadOnlyList<FactResponse> Facts);

    /// <summary>PDF downloads, beside the pages that link to them (cookie or bearer).</summary>
    public static IEndpointRouteBuilder MapCertificateDownloads(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/me/documents").WithTags("Certificates").RequireAuthorization();
        documents.MapGet("/participation/{opportunityId:guid}", (Guid opportunityId, ClaimsPrincipal user, CertifiedRecords records, DocumentFiles files, CancellationToken ct) =>
            PdfAsync(records.ParticipationAsync(user.RequiredUserId(), opportunityId, ct), files, ct)).WithName("DownloadParticipationCertificate").WithSummary("The participation certificate of an opportunity with verified hours (PDF).");
        documents.MapGet("/training/{enrollmentId:guid}", (Guid enrollmentId, ClaimsPrincipal user, CertifiedRecords records, DocumentFiles files, AtharDbContext db, HttpContext http, CancellationToken ct) =>
            PdfAsync(records.TrainingAsync(user.RequiredUserId(), enrollmentId, ct), files, ct, () => http.LogIfSomeoneElsesAsync(
                db.CourseEnrollments.Where(e => e.Id == enrollmentId && e.UserId != user.RequiredUserId()), nameof(CourseEnrollment), enrollmentId, "Download", ct))).WithName("DownloadTrainingCertificate").WithSummary("The certificate of a passed course (PDF).");
        documents.MapGet("/license/{licenseId:guid}", (Guid licenseId, ClaimsPrincipal user, CertifiedRecords records, DocumentFiles files, AtharDbContext db, HttpContext http, CancellationToken ct) =>
            PdfAsync(records.LicenseAsync(user.RequiredUserId(), licenseId, ct), files, ct, () => http.LogIfSomeoneElsesAsync(
                db.Licenses.Where(l => l.Id == licenseId && (l.HolderUserId ?? l.NamedMemberId) != user.RequiredUserId()), nameof(License), licenseId, "Download", ct))).WithName("DownloadLicenseCard").WithSummary("The licence document (PDF).");
        documents.MapGet("/statement/{year:int}", (int year, ClaimsPrincipal user, CertifiedRecords records, DocumentFiles files, CancellationToken ct) =>
            PdfAsync(records.AnnualStatementAsync(user.RequiredUserId(), year, ct), files, ct)).WithName("DownloadAnnualStatement").WithSummary("The annual statement of verified and training hours (PDF).");
        documents.MapGet("/card", (ClaimsPrincipal user, CertifiedRecords records, DocumentFiles files, CancellationToken ct) =>
            PdfAsync(records.VolunteerCardAsync(user.RequiredUserId(), ct), files, ct)).WithName("DownloadVolunteerCard").WithSummary("The volunteer identity card (PDF).");
        return app;
    }

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        api.MapGet("/verify/{code}", VerifyAsync).WithTags("Certificates").AllowAnonymous().RequireRateLimiting(RateLimits.Verification)
            .WithName("VerifyDocument").WithSummary("Whether a document is genuine and current, and what it certifies; never personal data beyond the holder's name.");
        api.MapGet("/me/certificates", ListAsync).WithTags("Certificates").RequireAuthorization(Policies.Volunteer)
            .WithName("ListMyCertificates").WithSummary("Every document the signed-in volunteer can download.");
        return api;
    }

    /// <param name="onNotFound">For documents of an object that may be someone else's: logs that refusal (ASVS 16.3.2).</param>
    private static async Task<Results<FileContentHttpResult, NotFound>> PdfAsync<T>(Task<T?> reading, DocumentFiles files, CancellationToken ct, Func<Task>? onNotFound = null)
        where T : CertifiedRecord
    {
        if (await reading is not { } record)
        {
            if (onNotFound is not null)
                await onNotFound();
            return TypedResults.NotFound();
        }
        var file = await files.RenderAsync(record, ct);
        return TypedResults.File(file.Pdf, "application/pdf", file.FileName);
    }

    private static async Task<Ok<VerificationResponse>> VerifyAsync(string code, Verification verification, DocumentContent content, CancellationToken ct)
    {
        var result = await verification.VerifyAsync(code, ct);
        return TypedResults.Ok(Response(result, content));
    }

    public static VerificationResponse Response(Verification.Result result, DocumentContent content)
    {
        if (result.Record is not { } record)
            return new VerificationResponse(result.Status, result.Code, result.Kind, result.IssuedAt, null, null, []);
        var arabic = AtharCultures.IsArabic(CultureInfo.CurrentUICulture);
        string Pick(Documents.BilingualText text) => arabic ? text.Arabic : text.English;
        var text = content.For(record);
        return new VerificationResponse(result.Status, result.Code, result.Kind, result.IssuedAt, Pick(text.HolderName), Pick(text.Title),
            text.Facts.Select(f => new FactResponse(Pick(f.Label), Pick(f.Value))).ToList());
    }

    private static async Task<Ok<List<DocumentLink>>> ListAsync(ClaimsPrincipal user, CertificateCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.ForAsync(user.RequiredUserId(), ct)).Select(d => new DocumentLink(d.Kind.ToString(), d.Title, d.Url)).ToList());
}
