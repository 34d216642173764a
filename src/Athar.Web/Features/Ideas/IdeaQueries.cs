using Athar.Core.Localization;
using Athar.Core.Recognition;
using Athar.Data;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Ideas;

/// <summary>Read paths: a volunteer's own ideas, and an organisation's inbox (only ideas addressed to it).</summary>
public sealed class IdeaQueries(AtharDbContext db)
{
    public sealed record IdeaRow(
        Guid Id, string Title, string Description, int FieldId, int RegionId, int CityId, int? ExpectedBeneficiaries, IdeaStatus Status,
        string? DeclineReason, Guid? OpportunityId, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt,
        Guid OrganizationId, LocalizedText Organization, LocalizedText Proposer);

    public Task<List<IdeaRow>> MineAsync(Guid proposerId, CancellationToken cancellationToken) =>
        Rows(db.Ideas.Where(i => i.ProposerId == proposerId)).ToListAsync(cancellationToken);

    public Task<List<IdeaRow>> InboxAsync(Guid organizationId, IdeaStatus? status, CancellationToken cancellationToken) =>
        Rows(db.Ideas.Where(i => i.OrganizationId == organizationId && (status == null || i.Status == status))).ToListAsync(cancellationToken);

    /// <summary>One idea, only when it is addressed to this organisation: other ids are "not found".</summary>
    public Task<IdeaRow?> InInboxAsync(Guid organizationId, Guid ideaId, CancellationToken cancellationToken) =>
        Rows(db.Ideas.Where(i => i.Id == ideaId && i.OrganizationId == organizationId)).FirstOrDefaultAsync(cancellationToken);

    private IQueryable<IdeaRow> Rows(IQueryable<Data.Recognition.Idea> ideas) =>
        from i in ideas.AsNoTracking()
        join o in db.Organizations on i.OrganizationId equals o.Id
        join u in db.Users on i.ProposerId equals u.Id
        orderby i.CreatedAt descending
        select new IdeaRow(i.Id, i.Title, i.Description, i.FieldId, i.RegionId, i.CityId, i.ExpectedBeneficiaries, i.Status, i.DeclineReason, i.OpportunityId,
            i.CreatedAt, i.DecidedAt, o.Id, o.Name, new LocalizedText(u.FullNameAr, u.FullNameEn));
}
