using System.Security.Claims;
using Athar.Core.Calendar;
using Athar.Core.Common;
using Athar.Core.Recognition;
using Athar.Core.Reference;
using Athar.Core.Statistics;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Recognition;

public static class RecognitionEndpoints
{
    public sealed record RowResponse(int Rank, Guid Id, string NameAr, string? NameEn, decimal Value);

    public sealed record RankingsResponse(string Period, int? RegionId, RankingMeasure By, IReadOnlyList<RowResponse> Volunteers, IReadOnlyList<RowResponse> Organizations, IReadOnlyList<RowResponse> Teams);

    public sealed record BadgeResponse(Badge Badge, DateTimeOffset AwardedAt);

    public sealed record RecognitionResponse(decimal LifetimeHours, Tier Tier, Tier? NextTier, decimal HoursToNextTier, IReadOnlyList<BadgeResponse> Badges, bool ShowInRankings);

    public sealed record ConsentBody(bool ShowInRankings);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        api.MapGet("/rankings", RankingsAsync).WithTags("Recognition").AllowAnonymous().WithName("GetRankings")
            .WithSummary("Top volunteers (only those who opted in), organisations and teams for a period (2026, 2026-11, 1448H), nationally or in one region; ties share a rank.");
        var mine = api.MapGroup("/me/recognition").WithTags("Recognition").RequireAuthorization(Policies.Volunteer);
        mine.MapGet("/", MineAsync).WithName("GetMyRecognition").WithSummary("The signed-in volunteer's tier, badges and rankings choice.");
        mine.MapPut("/ranking-consent", ConsentAsync).WithName("SetRankingConsent").WithSummary("Opts in to (or out of) appearing by name in the public rankings; off by default.");
        return api;
    }

    /// <summary>Reads and checks the query; the same rules for the page and the API.</summary>
    public static (StatsPeriod Period, int? RegionId, RankingMeasure By, int Top, List<FieldError> Errors) Parse(string? period, int? regionId, string? by, int? top, DateOnly today)
    {
        var errors = new List<FieldError>();
        var parsed = StatsPeriod.GregorianYear(today.Year);
        if (!string.IsNullOrWhiteSpace(period) && !StatsPeriod.TryParse(period, out parsed))
            errors.Add(new("Period", "Rankings.BadPeriod"));
        if (regionId is { } r && ReferenceData.FindRegion(r) is null)
            errors.Add(new("RegionId", "Rankings.BadRegion"));
        var measure = RankingMeasure.Hours;
        if (!string.IsNullOrWhiteSpace(by) && (!Enum.TryParse(by, ignoreCase: true, out measure) || !Enum.IsDefined(measure) || char.IsAsciiDigit(by.Trim()[0])))
            errors.Add(new("By", "Rankings.BadMeasure"));
        var count = top ?? Rankings.DefaultTop;
        if (count is < 1 or > Rankings.MaxTop)
            errors.Add(new("Top", "Rankings.BadTop", Rankings.MaxTop));
        return (parsed, regionId, measure, count, errors);
    }

    private static async Task<Results<Ok<RankingsResponse>, ValidationProblem>> RankingsAsync(
        string? period, int? regionId, string? by, int? top, Rankings rankings, TimeProvider clock, HttpContext http, IStringLocalizer<RecognitionText> t, CancellationToken ct)
    {
        var q = Parse(period, regionId, by, top, DualDate.ToSaudiDate(clock.GetUtcNow()));
        if (q.Errors.Count > 0)
            return ApiProblems.Invalid(http, q.Errors, t);
        var board = await rankings.ForAsync(q.Period, q.RegionId, q.By, q.Top, ct);
        static List<RowResponse> Rows(IReadOnlyList<Rankings.Row> rows) => rows.Select(r => new RowResponse(r.Rank, r.Id, r.Name.Ar, r.Name.En, r.Value)).ToList();
        return TypedResults.Ok(new RankingsResponse(board.Period.ToString(), board.RegionId, board.By, Rows(board.Volunteers), Rows(board.Organizations), Rows(board.Teams)));
    }

    private static async Task<Ok<RecognitionResponse>> MineAsync(ClaimsPrincipal user, RecognitionQueries queries, CancellationToken ct)
    {
        var s = await queries.ForAsync(user.RequiredUserId(), ct);
        return TypedResults.Ok(new RecognitionResponse(s.LifetimeHours, s.Tier, s.NextTier, s.HoursToNextTier, s.Badges.Select(b => new BadgeResponse(b.Badge, b.AwardedAt)).ToList(), s.ShowInRankings));
    }

    private static async Task<NoContent> ConsentAsync(ConsentBody body, ClaimsPrincipal user, RecognitionQueries queries, CancellationToken ct)
    {
        await queries.SetRankingConsentAsync(user.RequiredUserId(), body.ShowInRankings, ct);
        return TypedResults.NoContent();
    }
}
