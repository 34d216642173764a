using Athar.Core.Common;
using Athar.Core.Recognition;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Data.Recognition;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Ideas;

/// <summary>A volunteer proposes an idea for an initiative to a verified organisation.</summary>
public sealed class ProposeIdea(AtharDbContext db, TimeProvider clock)
{
    public sealed record Outcome(Guid? Id, IReadOnlyList<FieldError> Errors, bool NotFound);

    public async Task<Outcome> ProposeAsync(Guid proposerId, Guid organizationId, IdeaInput input, CancellationToken cancellationToken)
    {
        // Only verified organisations have a public page to propose from; any other id is "not found".
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId && o.Status == OrganizationStatus.Verified, cancellationToken))
            return new Outcome(null, [], true);
        var (valid, errors) = IdeaRules.Validate(input);
        if (valid is null)
            return new Outcome(null, errors, false);
        var now = clock.GetUtcNow();
        var idea = new Idea
        {
            Id = Guid.CreateVersion7(now),
            ProposerId = proposerId,
            OrganizationId = organizationId,
            Title = valid.Title,
            Description = valid.Description,
            FieldId = valid.FieldId,
            RegionId = valid.RegionId,
            CityId = valid.CityId,
            ExpectedBeneficiaries = valid.ExpectedBeneficiaries,
            CreatedAt = now,
        };
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(idea.Id, [], false);
    }
}
