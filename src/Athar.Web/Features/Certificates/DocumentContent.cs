using Athar.Core.Certificates;
using Athar.Core.Localization;
using Athar.Core.Reference;
using Athar.Documents;
using Athar.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Certificates;

/// <summary>
/// Turns a certified record into bilingual title, facts and table: the same content goes on the PDF
/// and on the public verification page, each text rendered once in Arabic (with Arabic-Indic digits)
/// and once in English.
/// </summary>
public sealed class DocumentContent(IStringLocalizer<CertificatesText> t, Display display)
{
    public sealed record Content(BilingualText Title, BilingualText Statement, BilingualText HolderName, IReadOnlyList<DocumentFact> Facts, DocumentTable? Table);

    public Content For(CertifiedRecord record) => record switch
    {
        ParticipationRecord p => new(Text("Title.Participation"), Text("Statement.Participation"), Name(p.HolderName),
        [
            Fact("Fact.Organization", Name(p.Organization)),
            Fact("Fact.Opportunity", Name(p.Opportunity)),
            Fact("Fact.TypeOfWork", Both(() => t["Fact.TypeOfWorkValue", Field(p.FieldId), t[$"VolunteeringType.{p.Type}"]])),
            Fact("Fact.Period", Both(() => t["Fact.PeriodValue", display.Date(p.From), display.Date(p.To)])),
            Fact("Fact.Hours", Both(() => t["Fact.HoursValue", display.Hours(p.Minutes / 60m), display.Number(p.Shifts)])),
            Fact("Fact.Experience", string.IsNullOrWhiteSpace(p.Skills) ? Both(() => t["Fact.ExperienceDefault", Field(p.FieldId)]) : new BilingualText(p.Skills, p.Skills)),
        ], null),
        TrainingRecord c => new(Text("Title.Training"), Text("Statement.Training"), Name(c.HolderName),
        [
            Fact("Fact.Course", Name(c.Course)),
            Fact("Fact.Provider", c.Organization is { } org ? Name(org) : Text("Fact.Platform")),
            Fact("Fact.Track", Text($"Track.{c.Track}")),
            Fact("Fact.Delivery", Text($"Delivery.{c.Delivery}")),
            Fact("Fact.Duration", Both(() => display.Hours(c.DurationHours))),
            Fact("Fact.Score", Both(() => display.Number(c.Score))),
            Fact("Fact.PassedOn", Both(() => display.Date(c.PassedOn))),
        ], null),
        LicenseRecord l => new(Text($"LicenseLevel.{l.Level}"), Text(l.Organization is null ? "Statement.License" : "Statement.LicenseOrganization"), l.Organization is { } o ? Name(o) : Name(l.HolderName),
        [
            Fact("Fact.LicenseNumber", new BilingualText(l.Number, l.Number)),
            .. l.Organization is null ? [] : new[] { Fact("Fact.NamedMember", Name(l.HolderName)) },
            Fact("Fact.IssuedOn", Both(() => display.Date(l.IssuedOn))),
            Fact("Fact.ExpiresOn", Both(() => display.Date(l.ExpiresOn))),
        ], null),
        AnnualStatementRecord s => new(Both(() => t["Title.AnnualStatement", display.Number(s.StatementYear)]), Text("Statement.AnnualStatement"), Name(s.HolderName),
        [
            Fact("Fact.Year", Both(() => display.Number(s.StatementYear))),
            Fact("Fact.VolunteeringHours", Both(() => display.Hours(s.Minutes / 60m))),
            Fact("Fact.Participations", Both(() => display.Number(s.Lines.Count))),
            Fact("Fact.TrainingHours", Both(() => display.Hours(s.TrainingHours))),
        ], new DocumentTable(
            [Text("Table.Opportunity"), Text("Table.Organization"), Text("Table.Field"), Text("Table.Hours")],
            s.Lines.Select(line => (IReadOnlyList<BilingualText>)[Name(line.Opportunity), Name(line.Organization), Both(() => Field(line.FieldId)), Both(() => display.Hours(line.Minutes / 60m))]).ToList(),
            Both(() => t["Table.Total", display.Hours(s.Minutes / 60m)]))),
        VolunteerCardRecord v => new(Text("Title.VolunteerCard"), Text("Statement.VolunteerCard"), Name(v.HolderName),
        [
            Fact("Fact.RegisteredOn", Both(() => display.Date(v.RegisteredOn))),
            Fact("Fact.Region", Both(() => Region(v.RegionId))),
            Fact("Fact.Licenses", v.ActiveLicenses.Count == 0 ? Text("Fact.NoLicenses")
                : Both(() => string.Join("، ", v.ActiveLicenses.Select(x => $"{t[$"LicenseLevel.{x.Level}"]} ({x.Number})")))),
        ], null),
        Awards.AwardWinnerRecord a => new(Text("Title.AwardWinner"), Both(() => t["Statement.AwardWinner", Display.Digits(a.AwardYear.ToString(System.Globalization.CultureInfo.InvariantCulture))]), Name(a.HolderName),
        [
            Fact("Fact.AwardTrack", Text($"AwardTrack.{a.Track}")),
            Fact("Fact.Year", Both(() => Display.Digits(a.AwardYear.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            .. a.Nominee == Core.Recognition.NomineeKind.Organization ? [] : new[] { Fact("Fact.NominatedBy", Name(a.Nominator)) },
            Fact("Fact.HonouredOn", Both(() => display.Date(a.HonouredOn))),
        ], null),
        _ => throw new ArgumentOutOfRangeException(nameof(record)),
    };

    public BilingualText Text(string key) => Both(() => t[key]);

    /// <summary>Renders once in Arabic and once in English.</summary>
    public static BilingualText Both(Func<string> render)
    {
        var (arabic, english) = BothLanguages.Render(render);
        return new BilingualText(arabic, english);
    }

    public static BilingualText Name(LocalizedText text) => new(text.Ar, string.IsNullOrWhiteSpace(text.En) ? text.Ar : text.En);

    private DocumentFact Fact(string label, BilingualText value) => new(Text(label), value);

    private static string Field(int fieldId) =>
        ReferenceData.Fields.FirstOrDefault(f => f.Id == fieldId) is { } field ? Pick(field.NameAr, field.NameEn) : "";

    private static string Region(int regionId) =>
        ReferenceData.Regions.FirstOrDefault(r => r.Id == regionId) is { } region ? Pick(region.NameAr, region.NameEn) : "";

    private static string Pick(string arabic, string english) =>
        AtharCultures.IsArabic(System.Globalization.CultureInfo.CurrentUICulture) ? arabic : english;
}
