using System.Security.Claims;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Opportunities;

/// <summary>
/// Resource-based checks for staff actions: the organisation that owns the opportunity is the resource
/// (<see cref="OrganizationAccessHandler"/>). Anything the user may not reach is reported as missing, so
/// another organisation's ids answer 404 and reveal nothing.
/// </summary>
public sealed class OpportunityAccess(AtharDbContext db, IAuthorizationService authorization)
{
    public async Task<Organization?> OrganizationAsync(ClaimsPrincipal user, Guid organizationId, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        return organization is not null && await AllowedAsync(user, organization, operation) ? organization : null;
    }

    /// <summary>The organisation owning the opportunity, when the user may perform the operation on it.</summary>
    public async Task<Organization?> OwnerAsync(ClaimsPrincipal user, Guid opportunityId, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var organization = await db.Opportunities.AsNoTracking()
            .Where(o => o.Id == opportunityId)
            .Join(db.Organizations, o => o.OrganizationId, org => org.Id, (_, org) => org)
            .FirstOrDefaultAsync(cancellationToken);
        return organization is not null && await AllowedAsync(user, organization, operation) ? organization : null;
    }

    public async Task<bool> AllowedAsync(ClaimsPrincipal user, Organization organization, OperationAuthorizationRequirement operation) =>
        user.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(user, organization, operation)).Succeeded;
}
