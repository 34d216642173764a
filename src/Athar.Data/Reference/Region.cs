using Athar.Core.Localization;

namespace Athar.Data.Reference;

public sealed class Region
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameAr { get; set; }
    public required string NameEn { get; set; }
    public LocalizedText Name => new(NameAr, NameEn);
    public List<City> Cities { get; set; } = [];
}

public sealed class City
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public required string NameAr { get; set; }
    public required string NameEn { get; set; }
    public LocalizedText Name => new(NameAr, NameEn);
}

public sealed class Field
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameAr { get; set; }
    public required string NameEn { get; set; }
    public LocalizedText Name => new(NameAr, NameEn);
}
