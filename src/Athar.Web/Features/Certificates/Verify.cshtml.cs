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
    public string? Typed { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        Typed = code ?? Request.Query["code"].FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(Typed))
            Result = CertificateEndpoints.Response(await verification.VerifyAsync(Typed, cancellationToken), content);
    }
}
