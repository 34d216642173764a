using System.Globalization;
using Athar.Core.Reference;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Athar.Web.Features.Reference;

public static class ReferenceEndpoints
{
    public sealed record Item(int Id, string Code, string NameAr, string NameEn, string Name);

    public sealed record CityItem(int Id, int RegionId, string NameAr, string NameEn, string Name);

    public static RouteGroupBuilder MapReferenceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Reference data").AllowAnonymous();

        group.MapGet("/regions", () => TypedResults.Ok(ReferenceData.Regions.Select(r => new Item(r.Id, r.Code, r.NameAr, r.NameEn, Pick(r.NameAr, r.NameEn)))))
            .WithName("ListRegions")
            .WithSummary("The 13 administrative regions.");

        group.MapGet("/regions/{regionId:int}/cities", Results<Ok<IEnumerable<CityItem>>, NotFound> (int regionId) =>
                ReferenceData.FindRegion(regionId) is null
                    ? TypedResults.NotFound()
                    : TypedResults.Ok(ReferenceData.Cities.Where(c => c.RegionId == regionId).Select(c => new CityItem(c.Id, c.RegionId, c.NameAr, c.NameEn, Pick(c.NameAr, c.NameEn)))))
            .WithName("ListCities")
            .WithSummary("The main cities of a region.");

        group.MapGet("/fields", () => TypedResults.Ok(ReferenceData.Fields.Select(f => new Item(f.Id, f.Code, f.NameAr, f.NameEn, Pick(f.NameAr, f.NameEn)))))
            .WithName("ListFields")
            .WithSummary("The volunteering fields.");

        return api;
    }

    private static string Pick(string ar, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? ar : en;
}
