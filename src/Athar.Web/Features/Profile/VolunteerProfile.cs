using Athar.Core.Accounts;
using Athar.Core.Common;
using Athar.Core.Identity;
using Athar.Data;
using Athar.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Profile;

/// <summary>A person's own profile, read and changed only by its owner.</summary>
public sealed class VolunteerProfile(AtharDbContext db, SignInManager<AtharUser> signIn)
{
    public sealed record View(
        Guid UserId,
        string FullNameAr,
        string? FullNameEn,
        string Email,
        bool EmailConfirmed,
        string? Mobile,
        string? NationalId,
        Gender? Gender,
        DateOnly? BirthDate,
        int? RegionId,
        int? CityId,
        IReadOnlyList<int> FieldIds,
        string? Skills,
        string? Education,
        string? Profession,
        bool GuardianConsentRequired,
        bool GuardianConsentConfirmed,
        IReadOnlyList<string> Roles)
    {
        public string? MaskedNationalId => NationalId is null ? null : Core.Identity.NationalId.Mask(NationalId);
    }

    public async Task<View?> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id, u.FullNameAr, u.FullNameEn, u.Email, u.EmailConfirmed, u.PhoneNumber,
                Volunteer = u.Volunteer == null ? null : new
                {
                    u.Volunteer.NationalId, u.Volunteer.Gender, u.Volunteer.BirthDate, u.Volunteer.RegionId, u.Volunteer.CityId,
                    u.Volunteer.Skills, u.Volunteer.Education, u.Volunteer.Profession,
                    u.Volunteer.GuardianConsentRequired, u.Volunteer.GuardianConsentConfirmedAt,
                    FieldIds = u.Volunteer.Fields.Select(f => f.FieldId).ToList(),
                },
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var v = row.Volunteer;
        return new View(
            row.Id, row.FullNameAr, row.FullNameEn, row.Email!, row.EmailConfirmed, row.PhoneNumber,
            v?.NationalId, v?.Gender, v?.BirthDate, v?.RegionId, v?.CityId, v?.FieldIds ?? [],
            v?.Skills, v?.Education, v?.Profession,
            v?.GuardianConsentRequired ?? false, v?.GuardianConsentConfirmedAt is not null, row.Roles);
    }

    public async Task<IReadOnlyList<FieldError>> UpdateAsync(Guid userId, ProfileUpdateInput input, CancellationToken cancellationToken = default)
    {
        var (valid, errors) = ProfileUpdateRules.Validate(input);
        if (valid is null)
            return errors;
        var user = await db.Users.Include(u => u.Volunteer).ThenInclude(v => v!.Fields).FirstAsync(u => u.Id == userId, cancellationToken);
        // Checked before anything changes: a failed check saves the account's failure count through the same context.
        if (user.PhoneNumber != valid.Mobile && await ReauthenticationErrorAsync(user, input.CurrentPassword) is { } refused)
            return [refused];
        user.FullNameAr = valid.FullNameAr;
        user.FullNameEn = valid.FullNameEn;
        if (user.PhoneNumber != valid.Mobile)
        {
            user.PhoneNumber = valid.Mobile;
            user.PhoneNumberConfirmed = false;
        }
        if (user.Volunteer is { } v)
        {
            v.RegionId = valid.RegionId;
            v.CityId = valid.CityId;
            v.Skills = valid.Skills;
            v.Education = valid.Education;
            v.Profession = valid.Profession;
            v.Fields.RemoveAll(f => !valid.FieldIds.Contains(f.FieldId));
            foreach (var fieldId in valid.FieldIds.Where(id => v.Fields.All(f => f.FieldId != id)))
                v.Fields.Add(new() { VolunteerId = v.UserId, FieldId = fieldId });
        }
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// Changing the mobile (a sign-in identifier and the number messages go to) needs the current password again, so a
    /// left-open session cannot redirect the account. Wrong passwords count towards the sign-in lockout.
    /// </summary>
    private async Task<FieldError?> ReauthenticationErrorAsync(AtharUser user, string? currentPassword)
    {
        if (string.IsNullOrEmpty(currentPassword))
            return new FieldError(nameof(ProfileUpdateInput.CurrentPassword), "Profile.CurrentPasswordRequired");
        var check = await signIn.CheckPasswordSignInAsync(user, currentPassword, lockoutOnFailure: true);
        return check.Succeeded ? null : new FieldError(nameof(ProfileUpdateInput.CurrentPassword), "Identity.PasswordMismatch");
    }
}
