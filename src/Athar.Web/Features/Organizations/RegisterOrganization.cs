using Athar.Core.Common;
using Athar.Core.Localization;
using Athar.Core.Organizations;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

/// <summary>
/// Registers an organisation by its first admin: the organisation (pending verification), its fields, the
/// person's admin membership and their OrganizationAdmin role are saved in one transaction or not at all.
/// </summary>
public sealed class RegisterOrganization(AtharDbContext db, StaffRoles roles, TimeProvider clock)
{
    public sealed record Result(Guid? OrganizationId, IReadOnlyList<FieldError> Errors)
    {
        public bool Succeeded => OrganizationId is not null;
    }

    private static readonly FieldError Duplicate = new(nameof(OrganizationRegistrationInput.RegistrationNumber), "RegistrationNumber.Duplicate");

    /// <summary>The pure rules only, for a form whose input already failed binding.</summary>
    public static IReadOnlyList<FieldError> Check(OrganizationRegistrationInput input) => OrganizationRegistrationRules.Validate(input).Errors;

    public async Task<Result> RegisterAsync(Guid userId, OrganizationRegistrationInput input, CancellationToken cancellationToken = default)
    {
        var (valid, errors) = OrganizationRegistrationRules.Validate(input);
        if (valid is null)
            return new(null, errors);
        if (await IsTakenAsync(valid.RegistrationNumber, cancellationToken))
            return new(null, [Duplicate]);

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        try
        {
            await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
            {
                db.Organizations.Add(new Organization
                {
                    Id = id,
                    Name = new LocalizedText(valid.NameAr, valid.NameEn),
                    Type = valid.Type.ToStored(),
                    RegistrationNumber = valid.RegistrationNumber,
                    RegionId = valid.RegionId,
                    CityId = valid.CityId,
                    Status = OrganizationStatus.Pending,
                    ContactEmail = valid.ContactEmail,
                    ContactPhone = valid.ContactPhone,
                    Website = valid.Website,
                    CreatedAt = now,
                    Fields = valid.FieldIds.Select(f => new OrganizationField { OrganizationId = id, FieldId = f }).ToList(),
                });
                db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = id, UserId = userId, Role = OrganizationRole.Admin, JoinedAt = now });
                await db.SaveChangesAsync(cancellationToken);
                await roles.SyncAsync(userId, cancellationToken);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two registrations with one number raced; the unique index let exactly one in.
            db.ChangeTracker.Clear();
            if (await IsTakenAsync(valid.RegistrationNumber, cancellationToken))
                return new(null, [Duplicate]);
            throw;
        }
        return new(id, []);
    }

    private Task<bool> IsTakenAsync(string registrationNumber, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking().AnyAsync(o => o.RegistrationNumber == registrationNumber, cancellationToken);
}
