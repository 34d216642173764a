using Athar.Core.Certificates;
using Athar.Documents;
using Athar.Web.Infrastructure;

namespace Athar.Web.Features.Certificates;

/// <summary>Seals a certified record, gives it a code and renders its PDF with a QR code to the public verification page.</summary>
public sealed class DocumentFiles(DocumentIssuer issuer, DocumentContent content, PublicUrls urls, TimeProvider clock)
{
    public sealed record File(byte[] Pdf, string FileName, string Code);

    public async Task<File> RenderAsync(CertifiedRecord record, CancellationToken cancellationToken)
    {
        var document = await issuer.IssueAsync(record, cancellationToken);
        var url = urls.Absolute($"/verify/{document.Code}");
        var text = content.For(record);
        var code = VerificationCode.Format(document.Code);
        var pdf = record.Kind == DocumentKind.VolunteerCard
            ? PdfDocuments.Render(new CardSheet(content.Text("Issuer"), text.Title, text.HolderName, text.Facts, code, url, clock.GetUtcNow()))
            : PdfDocuments.Render(new CertificateSheet(content.Text("Issuer"), text.Title, text.Statement, text.HolderName, text.Facts, text.Table,
                code, url, content.Text("VerificationHint"), clock.GetUtcNow()));
        return new File(pdf, $"athar-{record.Kind.ToString().ToLowerInvariant()}-{document.Code}.pdf", document.Code);
    }
}
