using Athar.Core.Reference;

namespace Athar.Core.Tests.Reference;

public class ReferenceDataTests
{
    [Fact]
    public void Regions_AreTheThirteenAdministrativeRegions()
    {
        Assert.Equal(13, ReferenceData.Regions.Count);
        Assert.Equal(Enumerable.Range(1, 13), ReferenceData.Regions.Select(r => r.Id).Order());
    }

    [Fact]
    public void Regions_HaveUniqueIdsAndCodes()
    {
        AssertUnique(ReferenceData.Regions.Select(r => r.Id));
        AssertUnique(ReferenceData.Regions.Select(r => r.Code));
    }

    [Fact]
    public void Cities_HaveUniqueIds()
    {
        AssertUnique(ReferenceData.Cities.Select(c => c.Id));
    }

    [Fact]
    public void Cities_EachBelongToAnExistingRegion()
    {
        Assert.All(ReferenceData.Cities, c => Assert.NotNull(ReferenceData.FindRegion(c.RegionId)));
    }

    [Fact]
    public void Regions_EachHaveAtLeastOneCity()
    {
        Assert.All(ReferenceData.Regions, r => Assert.Contains(ReferenceData.Cities, c => c.RegionId == r.Id));
    }

    [Fact]
    public void Cities_NoCityNameRepeatsWithinARegion()
    {
        foreach (var region in ReferenceData.Cities.GroupBy(c => c.RegionId))
            AssertUnique(region.Select(c => c.NameAr));
    }

    [Fact]
    public void Fields_AreAtLeastThirtyWithUniqueIdsAndCodes()
    {
        Assert.True(ReferenceData.Fields.Count >= 30, $"only {ReferenceData.Fields.Count} fields");
        AssertUnique(ReferenceData.Fields.Select(f => f.Id));
        AssertUnique(ReferenceData.Fields.Select(f => f.Code));
    }

    [Fact]
    public void ArabicNames_AllContainArabicLetters()
    {
        var names = ReferenceData.Regions.Select(r => r.NameAr)
            .Concat(ReferenceData.Cities.Select(c => c.NameAr))
            .Concat(ReferenceData.Fields.Select(f => f.NameAr));

        Assert.All(names, name => Assert.Contains(name, IsArabicLetter));
    }

    [Fact]
    public void EnglishNames_AreFilledAndHaveNoArabicLetters()
    {
        var names = ReferenceData.Regions.Select(r => r.NameEn)
            .Concat(ReferenceData.Cities.Select(c => c.NameEn))
            .Concat(ReferenceData.Fields.Select(f => f.NameEn));

        Assert.All(names, name =>
        {
            Assert.False(string.IsNullOrWhiteSpace(name));
            Assert.DoesNotContain(name, IsArabicLetter);
        });
    }

    [Fact]
    public void Codes_AreNonEmptyLowercaseSlugs()
    {
        var codes = ReferenceData.Regions.Select(r => r.Code).Concat(ReferenceData.Fields.Select(f => f.Code));

        Assert.All(codes, code => Assert.Matches("^[a-z]+(-[a-z]+)*$", code));
    }

    [Fact]
    public void FindRegion_ReturnsTheRegionOrNull()
    {
        Assert.Equal("riyadh", ReferenceData.FindRegion(1)?.Code);
        Assert.Null(ReferenceData.FindRegion(0));
        Assert.Null(ReferenceData.FindRegion(14));
    }

    [Fact]
    public void FindCity_ReturnsTheCityOrNull()
    {
        var jeddah = ReferenceData.FindCity(202);

        Assert.NotNull(jeddah);
        Assert.Equal("جدة", jeddah.NameAr);
        Assert.Equal(2, jeddah.RegionId);
        Assert.Null(ReferenceData.FindCity(1));
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';

    private static void AssertUnique<T>(IEnumerable<T> values)
    {
        var duplicates = values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }
}
