using Athar.Core.Certificates;
using Athar.Core.Licensing;
using Athar.Web.Features.Licensing;
using Athar.Web.Features.Training;
using Athar.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Certificates;

/// <summary>Every document a volunteer can download now, with its title in the reader's language.</summary>
public sealed class CertificateCatalog(CertifiedRecords records, LicenseRegister licenses, TrainingQueries training, Display display, IStringLocalizer<CertificatesText> t)
{
    public sealed record Entry(DocumentKind Kind, string Title, string Detail, string Url);

    public async Task<List<Entry>> ForAsync(Guid userId, CancellationToken cancellationToken)
    {
        var entries = new List<Entry> { new(DocumentKind.VolunteerCard, t["Title.VolunteerCard"], "", "/me/documents/card") };
        foreach (var licence in (await licenses.ForPersonAsync(userId, cancellationToken)))
            entries.Add(new(DocumentKind.License, t[$"LicenseLevel.{licence.Level}"], $"{licence.Number} · {t[$"LicenseStatus.{licence.Status}"]}", $"/me/documents/license/{licence.Id}"));
        foreach (var year in await records.StatementYearsAsync(userId, cancellationToken))
            entries.Add(new(DocumentKind.AnnualStatement, t["Title.AnnualStatement", display.Number(year)], "", $"/me/documents/statement/{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        foreach (var (opportunityId, title, last, minutes) in await records.ParticipationsAsync(userId, cancellationToken))
            entries.Add(new(DocumentKind.Participation, title.Current, $"{display.Hours(minutes / 60m)} · {display.Date(last)}", $"/me/documents/participation/{opportunityId}"));
        foreach (var enrollment in (await training.MineAsync(userId, cancellationToken)).Where(e => e.Status == Core.Training.EnrollmentStatus.Passed))
            entries.Add(new(DocumentKind.Training, enrollment.Title.Current, display.Date(enrollment.StartsAt), $"/me/documents/training/{enrollment.Id}"));
        return entries;
    }
}
