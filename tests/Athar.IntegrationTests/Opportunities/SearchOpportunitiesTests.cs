using System.Net;
using Athar.Core.Opportunities;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Opportunities;

/// <summary>The public search on both databases: spelling variants, filters, sort orders, keyset pages, visibility.</summary>
public sealed class SearchOpportunitiesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    // Each spelling must find the other, whichever is stored and whichever is typed.
    public static TheoryData<TestDatabase, string, string> SpellingPairs()
    {
        var pairs = new[]
        {
            ("مستشفى", "مستشفي"),
            ("كَتَبَ", "كتب"),
            ("أحمد", "احمد"),
            ("المدرسة", "مدرسه"),
            ("العـــربية", "العربية"),
            ("volunteering", "volunteers"),
        };
        var data = new TheoryData<TestDatabase, string, string>();
        foreach (var database in new[] { TestDatabase.Sqlite, TestDatabase.Postgres })
        {
            foreach (var (first, second) in pairs)
                data.Add(database, first, second);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SpellingPairs))]
    public async Task Search_FindsEachSpellingByTheOther(TestDatabase database, string first, string second)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var marker = OpportunityData.Marker();
        var storedFirst = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app, $"فرصة {first} {marker}a", $"Opportunity {first} {marker}a"));
        var storedSecond = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app, $"فرصة {second} {marker}b", $"Opportunity {second} {marker}b"));
        var client = app.Api();

        Assert.Equal([storedFirst], OpportunityData.Ids(await OpportunityData.SearchAsync(client, "q=" + Uri.EscapeDataString($"{second} {marker}a"))));
        Assert.Equal([storedSecond], OpportunityData.Ids(await OpportunityData.SearchAsync(client, "q=" + Uri.EscapeDataString($"{first} {marker}b"))));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Search_MatchesWordPrefixes_InTitlesDescriptionsSkillsOrganizationFieldAndCity(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var marker = OpportunityData.Marker();
        var body = OpportunityData.Body(app, "تطوع " + marker);
        body["descriptionEn"] = "Guide visitors through the galleries";
        body["requiredSkills"] = "الإسعافات الأولية";
        var id = await OpportunityData.CreatePublishedAsync(admin, org, body);
        var client = app.Api();

        foreach (var query in new[] { "visitor", "galler", "اسعاف", "جمعيه الاختبار", "Association", "الثقاف", "Culture", "رياض", "Riyadh", marker[..10] })
        {
            var page = await OpportunityData.SearchAsync(client, "q=" + Uri.EscapeDataString(query + " " + marker));
            Assert.True(OpportunityData.Ids(page).SequenceEqual([id]), query);
        }
        Assert.Empty(OpportunityData.Ids(await OpportunityData.SearchAsync(client, "q=" + Uri.EscapeDataString("مستشفى " + marker))));
        // A token in the middle of a word does not match: only word prefixes do.
        Assert.Empty(OpportunityData.Ids(await OpportunityData.SearchAsync(client, "q=" + Uri.EscapeDataString("allery " + marker))));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Filters_NarrowTheResults(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, _, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var ids = await SearchData.InsertAsync(app, org,
        [
            new($"أساسية {m}"),                                                                    // 0: Riyadh, field 3, in person, any gender, no licence, in 2 days
            new($"جدة {m}") { RegionId = 2, CityId = 202, FieldId = 10 },                            // 1
            new($"عن بعد {m}") { IsRemote = true },                                                // 2
            new($"للرجال {m}") { Gender = GenderRequirement.Male },                                // 3
            new($"للنساء {m}") { Gender = GenderRequirement.Female },                              // 4
            new($"قادة {m}") { License = LicenseRequirement.TeamLeadership },                      // 5
            new($"لاحقة {m}") { ShiftDays = [10, 12] },                                            // 6
            new($"مكتملة المقاعد {m}") { Seats = 4, SeatsTaken = 4 },                              // 7
            new($"مغلقة {m}") { Status = OpportunityStatus.Closed },                                // 8
        ]);
        var client = app.Api();
        async Task<List<Guid>> Find(string filters) =>
            OpportunityData.Ids(await OpportunityData.SearchAsync(client, $"q={m}&{filters}")).Order().ToList();
        List<Guid> Expect(params int[] indexes) => indexes.Select(i => ids[i]).Order().ToList();

        Assert.Equal(Expect(0, 1, 2, 3, 4, 5, 6, 7, 8), await Find(""));
        Assert.Equal(Expect(1), await Find("regionId=2"));
        Assert.Equal(Expect(1), await Find("cityId=202"));
        Assert.Equal(Expect(1), await Find("fieldId=10"));
        Assert.Equal(Expect(2), await Find("mode=remote"));
        Assert.Equal(Expect(0, 1, 3, 4, 5, 6, 7, 8), await Find("mode=inPerson"));
        Assert.Equal(Expect(0, 1, 2, 3, 5, 6, 7, 8), await Find("gender=male"));
        Assert.Equal(Expect(0, 1, 2, 4, 5, 6, 7, 8), await Find("gender=female"));
        Assert.Equal(Expect(0, 1, 2, 5, 6, 7, 8), await Find("gender=any"));
        Assert.Equal(Expect(5), await Find("license=teamLeadership"));
        Assert.Equal(Expect(0, 1, 2, 3, 4, 6, 7, 8), await Find("license=none"));
        Assert.Equal(Expect(0, 1, 2, 3, 4, 5, 6, 8), await Find("seatsLeft=true"));
        var today = OpportunityData.Today(app);
        Assert.Equal(Expect(6), await Find($"from={OpportunityData.Iso(today.AddDays(11))}&to={OpportunityData.Iso(today.AddDays(20))}"));
        Assert.Equal(Expect(6), await Find($"from={OpportunityData.Iso(today.AddDays(12))}"));
        Assert.Equal(Expect(0, 1, 2, 3, 4, 5, 7, 8), await Find($"to={OpportunityData.Iso(today.AddDays(2))}"));
        Assert.Equal(Expect(1), await Find("regionId=2&mode=inPerson&seatsLeft=true&gender=female"));

        var closed = (await OpportunityData.SearchAsync(client, $"q={m}")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == ids[8]);
        Assert.False(closed.GetProperty("acceptsApplications").GetBoolean());
        Assert.Equal("closed", closed.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OnlyPublishedAndClosedOpportunities_OfVerifiedOrganizations_WithAShiftAhead_Appear(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, _, _) = await OpportunityData.OrganizationAsync(app);
        var (pendingOrg, _, _) = await OpportunityData.OrganizationAsync(app);
        var (suspendedOrg, _, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var visible = await SearchData.InsertAsync(app, org, [new($"منشورة {m}"), new($"مغلقة {m}") { Status = OpportunityStatus.Closed }, new($"ماضية وقادمة {m}") { ShiftDays = [-3, 4] }]);
        await SearchData.InsertAsync(app, org,
        [
            new($"مسودة {m}") { Status = OpportunityStatus.Draft },
            new($"ملغاة {m}") { Status = OpportunityStatus.Cancelled },
            new($"منتهية {m}") { Status = OpportunityStatus.Completed },
            new($"ماضية {m}") { ShiftDays = [-2, -1] },
        ]);
        await SearchData.InsertAsync(app, pendingOrg, [new($"جهة غير موثقة {m}")]);
        await SearchData.InsertAsync(app, suspendedOrg, [new($"جهة موقوفة {m}")]);
        await app.QueryAsync(db => db.Organizations.Where(o => o.Id == pendingOrg).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrganizationStatus.Pending)));
        await app.QueryAsync(db => db.Organizations.Where(o => o.Id == suspendedOrg).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrganizationStatus.Suspended)));

        foreach (var sort in new[] { "soonest", "newest", "mostSeats" })
        {
            var found = await SearchData.AllPagesAsync(app.Api(), $"q={m}&sort={sort}");
            Assert.Equal(visible.Order(), found.Order());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task EachSortOrder_PagesThroughEveryResultOnce_InOrder(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, _, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        // 47 results with many equal keys (days, publication times, seats), so the id must break ties.
        var specs = Enumerable.Range(0, 47).Select(i => new SearchData.Spec($"فرصة {i} {m}")
        {
            ShiftDays = [1 + (i % 5)],
            PublishedAgo = TimeSpan.FromMinutes(i % 4),
            Seats = 3 + (i % 6),
            SeatsTaken = i % 3,
        }).ToList();
        var ids = await SearchData.InsertAsync(app, org, specs);
        var rows = await app.QueryAsync(db => db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync());
        var client = app.Api();

        var soonest = await SearchData.AllPagesAsync(client, $"q={m}&sort=soonest");
        var newest = await SearchData.AllPagesAsync(client, $"q={m}&sort=newest");
        var mostSeats = await SearchData.AllPagesAsync(client, $"q={m}&sort=mostSeats");
        var byDefault = await SearchData.AllPagesAsync(client, $"q={m}");

        foreach (var found in new[] { soonest, newest, mostSeats })
        {
            Assert.Equal(47, found.Count);
            Assert.Equal(47, found.Distinct().Count());
            Assert.Equal(ids.Order(), found.Order());
        }
        var byId = rows.ToDictionary(r => r.Id);
        Assert.True(soonest.Select(id => byId[id].NextShiftStartsAt).SequenceEqual(soonest.Select(id => byId[id].NextShiftStartsAt).Order()));
        Assert.True(newest.Select(id => byId[id].PublishedAt).SequenceEqual(newest.Select(id => byId[id].PublishedAt).OrderDescending()));
        var seatsLeft = mostSeats.Select(id => byId[id].SeatsTotal - byId[id].SeatsTaken).ToList();
        Assert.Equal(seatsLeft.OrderDescending(), seatsLeft);
        Assert.Equal(soonest, byDefault);

        // Stable: the same pages again give the same order.
        Assert.Equal(newest, await SearchData.AllPagesAsync(client, $"q={m}&sort=newest"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Search_WithoutText_AlsoPagesWithKeysets(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, _, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        // Far out and remote in a field no other test uses, so only these match the filters.
        var ids = await SearchData.InsertAsync(app, org, Enumerable.Range(0, 23).Select(i => new SearchData.Spec($"{m} {i}") { FieldId = 29, RegionId = 13, CityId = 1304, ShiftDays = [40 + (i % 3)] }));

        var found = await SearchData.AllPagesAsync(app.Api(), "fieldId=29&cityId=1304&sort=mostSeats");

        Assert.Equal(ids.Order(), found.Order());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task NextShift_MovesOnAsShiftsStart_AndARenamedOrganizationIsFoundByItsNewName(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, _, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var id = (await SearchData.InsertAsync(app, org, [new($"فترتان {m}") { ShiftDays = [1, 5] }]))[0];
        var later = ShiftTimes.ToInstant(OpportunityData.Today(app).AddDays(5), new TimeOnly(9, 0));

        var moved = await app.QueryAsync(db => Web.Features.Opportunities.OpportunityIndexing.AdvanceNextShiftsAsync(db, app.Clock.GetUtcNow().AddDays(2)));

        Assert.True(moved >= 1);
        Assert.Equal(later, await app.QueryAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => o.NextShiftStartsAt).SingleAsync()));

        await app.QueryAsync(db => db.Organizations.Where(o => o.Id == org).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name.Ar, "جمعية البر الخيرية")));
        await app.QueryAsync(async db => { await Web.Features.Opportunities.OpportunityIndexing.RefreshOrganizationAsync(db, org); return 0; });
        Assert.Equal([id], OpportunityData.Ids(await OpportunityData.SearchAsync(app.Api(), "q=" + Uri.EscapeDataString($"البر {m}"))));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task BadParameters_Answer400_WithFieldCodes(TestDatabase database)
    {
        var app = fixture.For(database);
        var client = app.Api("en");
        var newestCursor = new SearchCursor(OpportunitySort.Newest, 1, Guid.NewGuid()).Encode();

        foreach (var (query, field, code) in new[]
        {
            ("sort=best", "sort", "Binding.Invalid"),
            ("gender=2", "gender", "Binding.Invalid"),
            ("mode=car", "mode", "Binding.Invalid"),
            ("license=expert", "license", "Binding.Invalid"),
            ("cursor=not-a-cursor", "cursor", "Search.CursorInvalid"),
            ($"sort=soonest&cursor={newestCursor}", "cursor", "Search.CursorInvalid"),
            ("from=2026-12-10&to=2026-12-01", "to", "Search.RangeInvalid"),
        })
        {
            var response = await client.GetAsync("/api/v1/opportunities?" + query);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, query);
            var problem = await response.ReadJsonAsync();
            Assert.Equal(code, problem.GetProperty("errorCodes").GetProperty(field)[0].GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task LongQueries_AreCutToTwentyTokens_OfFortyCharacters(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, _, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var longWord = m + new string('x', 60);
        var id = (await SearchData.InsertAsync(app, org, [new($"{longWord} كلمة")]))[0];
        var query = longWord + "y " + string.Join(' ', Enumerable.Repeat("كلمة", 10)) + " " + string.Join(' ', Enumerable.Range(0, 30).Select(i => "zz" + i));

        // Only the first 40 characters of the long word count, and only 20 tokens: the "zz" words past them are ignored.
        Assert.Equal(Core.Opportunities.OpportunitySearch.MaxQueryTokens, Core.Opportunities.OpportunitySearch.QueryTokens(query).Count);
        Assert.Empty(OpportunityData.Ids(await OpportunityData.SearchAsync(app.Api(), "q=" + Uri.EscapeDataString(query))));
        Assert.Equal([id], OpportunityData.Ids(await OpportunityData.SearchAsync(app.Api(), "q=" + Uri.EscapeDataString(longWord + "y كلمة"))));
    }
}
