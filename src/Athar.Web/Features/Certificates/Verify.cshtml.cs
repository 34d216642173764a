using Athar.Core.Calendar;
using Athar.Core.Certificates;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Athar.Web.Features.Certificates;

/// <summary>The public verification page: type a code or scan a QR code to see whether a document is genuine and current.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Verification)]
public sealed class VerifyModel(Verification verification, DocumentContent content) : PageModel
{
    public CertificateEndpoints.VerificationResponse? Result { get; private set; }

    /// <summary>What was typed; once it reads as a code, in the grouped form the documents print.</summary>
    public string? Typed { get; private set; }

    /// <summary>
    /// The label of the document's own issue date, or null when no other fact gives it away: a licence
    /// already states when it was issued, so its copy's date shows only when it differs, and says "copy".
    /// </summary>
    public string? DocumentDateLabel { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        Typed = code ?? Request.Query["code"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(Typed))
            return;
        var verified = await verification.VerifyAsync(Typed, cancellationToken);
        if (verified.Code is { } normalized)
            Typed = VerificationCode.Format(normalized);
        Result = CertificateEndpoints.Response(verified, content);
        DocumentDateLabel = verified.Record is LicenseRecord licence
            ? verified.IssuedAt is { } at && DualDate.ToSaudiDate(at) != licence.IssuedOn ? "Fact.CopyIssuedAt" : null
            : "Fact.IssuedAt";
    }
}
