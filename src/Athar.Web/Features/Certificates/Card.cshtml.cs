using Athar.Web.Features.Participation;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Certificates;

/// <summary>The volunteer card on screen: a QR code that verifies the person as a registered volunteer and shows their active licences.</summary>
[Authorize(Policy = Policies.Volunteer)]
public sealed class CardModel(CertifiedRecords records, DocumentIssuer issuer, DocumentContent content, PublicUrls urls) : PageModel
{
    public DocumentContent.Content Card { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await records.VolunteerCardAsync(User.RequiredUserId(), cancellationToken) is not { } card)
            return NotFound();
        var document = await issuer.IssueAsync(card, cancellationToken);
        Card = content.For(card);
        Code = Core.Certificates.VerificationCode.Format(document.Code);
        QrDataUri = QrImage.DataUri(urls.Absolute($"/verify/{document.Code}"));
        return Page();
    }
}
