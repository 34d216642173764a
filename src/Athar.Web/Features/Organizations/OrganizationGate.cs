using System.Security.Claims;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

/// <summary>
/// Loads an organisation and checks one operation on it through the resource-based handler. Someone who
/// may not even view it gets "not found", never "forbidden": an id says nothing about other organisations.
/// </summary>
public sealed class OrganizationGate(AtharDbContext db, IAuthorizationService authorization, IHttpContextAccessor http)
{
    public async Task<(Organization? Organization, OutcomeKind Kind)> CheckAsync(
        ClaimsPrincipal user, Guid organizationId, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (organization is null)
            return (null, OutcomeKind.NotFound);
        if ((await authorization.AuthorizeAsync(user, organization, operation)).Succeeded)
            return (organization, OutcomeKind.Done);
        // An existing organisation refused is a failed authorisation (ASVS 16.3.2), whether it answers 403 or 404.
        http.HttpContext?.ObjectAccessRefused(nameof(Organization), organizationId, operation.Name);
        if (operation != OrganizationOperations.View && (await authorization.AuthorizeAsync(user, organization, OrganizationOperations.View)).Succeeded)
            return (organization, OutcomeKind.Forbidden);
        return (null, OutcomeKind.NotFound);
    }

    public async Task<bool> CanAsync(ClaimsPrincipal user, Organization organization, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, organization, operation)).Succeeded;

    /// <summary>
    /// Serialises membership changes of one organisation: a no-op UPDATE takes the row's write lock until
    /// commit on PostgreSQL, and the database's write lock on SQLite. Two admins demoting each other at once
    /// therefore see each other's change, and the "last admin" rule holds under concurrency.
    /// </summary>
    public static Task<int> LockAsync(AtharDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, o => o.Status), cancellationToken);
}
