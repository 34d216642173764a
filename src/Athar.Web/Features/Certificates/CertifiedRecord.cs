using System.Globalization;
using Athar.Core.Certificates;
using Athar.Core.Licensing;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Core.Training;

namespace Athar.Web.Features.Certificates;

/// <summary>
/// What a document certifies, read from the live record. <see cref="SealedValues"/> is the canonical
/// list the seal covers: change any of them in the database and previously issued codes stop verifying.
/// </summary>
public abstract record CertifiedRecord(DocumentKind Kind, Guid HolderUserId, Guid? SubjectId, int? Year, LocalizedText HolderName)
{
    public abstract IEnumerable<string> SealedValues { get; }

    protected static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    protected IEnumerable<string> Common() =>
        [HolderUserId.ToString(), SubjectId?.ToString() ?? "", Year is { } y ? Invariant(y) : "", HolderName.Ar, HolderName.En ?? ""];
}

public sealed record ParticipationRecord(
    Guid HolderUserId, LocalizedText HolderName, Guid OpportunityId, LocalizedText Opportunity, LocalizedText Organization,
    int FieldId, VolunteeringType Type, string? Skills, DateOnly From, DateOnly To, int Minutes, int Shifts)
    : CertifiedRecord(DocumentKind.Participation, HolderUserId, OpportunityId, null, HolderName)
{
    public override IEnumerable<string> SealedValues =>
        [.. Common(), Opportunity.Ar, Opportunity.En ?? "", Organization.Ar, Organization.En ?? "", Invariant(FieldId), Type.ToString(), Skills ?? "",
         From.ToString("O", CultureInfo.InvariantCulture), To.ToString("O", CultureInfo.InvariantCulture), Invariant(Minutes), Invariant(Shifts)];
}

public sealed record TrainingRecord(
    Guid HolderUserId, LocalizedText HolderName, Guid EnrollmentId, LocalizedText Course, LocalizedText? Organization,
    LicenseLevel Track, CourseDelivery Delivery, decimal DurationHours, int Score, DateOnly PassedOn)
    : CertifiedRecord(DocumentKind.Training, HolderUserId, EnrollmentId, null, HolderName)
{
    public override IEnumerable<string> SealedValues =>
        [.. Common(), Course.Ar, Course.En ?? "", Organization?.Ar ?? "", Track.ToString(), Delivery.ToString(), Invariant(DurationHours), Invariant(Score),
         PassedOn.ToString("O", CultureInfo.InvariantCulture)];
}

/// <summary>A licence card. The status is not sealed: a revoked licence's card stays genuine but verifies as revoked.</summary>
public sealed record LicenseRecord(
    Guid HolderUserId, LocalizedText HolderName, Guid LicenseId, string Number, LicenseLevel Level, LocalizedText? Organization,
    DateOnly IssuedOn, DateOnly ExpiresOn, LicenseStatus Status)
    : CertifiedRecord(DocumentKind.License, HolderUserId, LicenseId, null, HolderName)
{
    public override IEnumerable<string> SealedValues =>
        [.. Common(), Number, Level.ToString(), Organization?.Ar ?? "", IssuedOn.ToString("O", CultureInfo.InvariantCulture), ExpiresOn.ToString("O", CultureInfo.InvariantCulture)];
}

public sealed record StatementLine(Guid OpportunityId, LocalizedText Opportunity, LocalizedText Organization, int FieldId, int Minutes);

public sealed record AnnualStatementRecord(Guid HolderUserId, LocalizedText HolderName, int StatementYear, IReadOnlyList<StatementLine> Lines, decimal TrainingHours)
    : CertifiedRecord(DocumentKind.AnnualStatement, HolderUserId, null, StatementYear, HolderName)
{
    public int Minutes => Lines.Sum(l => l.Minutes);

    public override IEnumerable<string> SealedValues =>
        [.. Common(), Invariant(TrainingHours), .. Lines.SelectMany(l => new[] { l.OpportunityId.ToString(), Invariant(l.Minutes) })];
}

/// <summary>The volunteer card certifies the person as registered; their licences are shown live on verification.</summary>
public sealed record VolunteerCardRecord(Guid HolderUserId, LocalizedText HolderName, DateOnly RegisteredOn, int RegionId, IReadOnlyList<LicenseRecord> ActiveLicenses)
    : CertifiedRecord(DocumentKind.VolunteerCard, HolderUserId, null, null, HolderName)
{
    public override IEnumerable<string> SealedValues => [.. Common(), RegisteredOn.ToString("O", CultureInfo.InvariantCulture)];
}
