using System.Globalization;
using Athar.Core.Calendar;
using Athar.Core.Statistics;

namespace Athar.Web.Features.Statistics;

/// <summary>
/// The cut as it arrives in a query string (pages, API and exports share it). Unknown or malformed values
/// are errors, never silently ignored: a report must say exactly what it counts.
/// </summary>
public sealed class StatsRequest
{
    public string? Period { get; set; }
    public int? RegionId { get; set; }
    public int? CityId { get; set; }
    public int? FieldId { get; set; }
    public int? Gender { get; set; }
    public int? AgeBand { get; set; }
    public int? OrganizationType { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? ProgramId { get; set; }

    public static StatsRequest From(IQueryCollection query)
    {
        static int? Int(string? s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        static Guid? Id(string? s) => Guid.TryParse(s, out var v) ? v : null;
        return new StatsRequest
        {
            Period = query["period"].FirstOrDefault(),
            RegionId = Int(query["regionId"].FirstOrDefault()),
            CityId = Int(query["cityId"].FirstOrDefault()),
            FieldId = Int(query["fieldId"].FirstOrDefault()),
            Gender = Int(query["gender"].FirstOrDefault()),
            AgeBand = Int(query["ageBand"].FirstOrDefault()),
            OrganizationType = Int(query["organizationType"].FirstOrDefault()),
            OrganizationId = Id(query["organizationId"].FirstOrDefault()),
            ProgramId = Id(query["programId"].FirstOrDefault()),
        };
    }

    /// <summary>The current Gregorian year (Saudi date) when no period is asked for.</summary>
    public static StatsPeriod DefaultPeriod(TimeProvider clock) => StatsPeriod.GregorianYear(DualDate.ToSaudiDate(clock.GetUtcNow()).Year);

    /// <summary>The filter, or the name of the first invalid parameter.</summary>
    public (StatsFilter? Filter, string? Invalid) ToFilter(TimeProvider clock)
    {
        var period = DefaultPeriod(clock);
        if (!string.IsNullOrWhiteSpace(Period) && !StatsPeriod.TryParse(Period, out period))
            return (null, "period");
        if (RegionId is { } r && Core.Reference.ReferenceData.FindRegion(r) is null)
            return (null, "regionId");
        if (CityId is { } c && (Core.Reference.ReferenceData.FindCity(c) is not { } city || (RegionId is not null && city.RegionId != RegionId)))
            return (null, "cityId");
        if (FieldId is { } f && Core.Reference.ReferenceData.Fields.All(x => x.Id != f))
            return (null, "fieldId");
        if (Gender is { } g && !Enum.IsDefined((Core.Accounts.Gender)g))
            return (null, "gender");
        if (AgeBand is { } a && !Enum.IsDefined((AgeBand)a))
            return (null, "ageBand");
        if (OrganizationType is { } t && !Enum.IsDefined((Data.Organizations.OrganizationType)t))
            return (null, "organizationType");
        return (new StatsFilter(period)
        {
            RegionId = RegionId, CityId = CityId, FieldId = FieldId, Gender = Gender, AgeBand = (AgeBand?)AgeBand,
            OrganizationType = OrganizationType, OrganizationId = OrganizationId, ProgramId = ProgramId,
        }, null);
    }

    /// <summary>The query string of a filter, for links (exports, report, paging between periods).</summary>
    public static string QueryString(StatsFilter f)
    {
        var parts = new List<string> { "period=" + Uri.EscapeDataString(f.Period.ToString()) };
        void Add(string name, object? value)
        {
            if (value is not null)
                parts.Add(name + "=" + Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!));
        }
        Add("regionId", f.RegionId);
        Add("cityId", f.CityId);
        Add("fieldId", f.FieldId);
        Add("gender", f.Gender);
        Add("ageBand", f.AgeBand is { } band ? (int)band : null);
        Add("organizationType", f.OrganizationType);
        Add("organizationId", f.OrganizationId);
        Add("programId", f.ProgramId);
        return string.Join('&', parts);
    }
}
