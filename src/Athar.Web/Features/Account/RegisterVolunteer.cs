using System.Globalization;
using Athar.Core.Accounts;
using Athar.Core.Calendar;
using Athar.Core.Common;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Web.Features.Guardian;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Account;

/// <summary>
/// Registers a volunteer: one national record per person. Everything (account, role, volunteer
/// record, consents, guardian request, messages) is saved in one transaction or not at all.
/// </summary>
public sealed class RegisterVolunteer(
    AtharDbContext db,
    UserManager<AtharUser> users,
    IOptions<RegistrationPolicy> policy,
    TimeProvider clock,
    AccountMessages messages,
    GuardianConsents guardians,
    IOptions<IdentityOptions> identity)
{
    public sealed record Result(AtharUser? User, IReadOnlyList<FieldError> Errors)
    {
        public bool Succeeded => User is not null;
    }

    /// <summary>The pure rules only, for a form whose input already failed binding.</summary>
    public IReadOnlyList<FieldError> Check(VolunteerRegistrationInput input) =>
        VolunteerRegistrationRules.Validate(input, policy.Value, DualDate.ToSaudiDate(clock.GetUtcNow())).Errors;

    public async Task<Result> RegisterAsync(VolunteerRegistrationInput input, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (valid, errors) = VolunteerRegistrationRules.Validate(input, policy.Value, DualDate.ToSaudiDate(now));
        if (valid is null)
            return new(null, errors);

        var user = new AtharUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = valid.Email,
            Email = valid.Email,
            PhoneNumber = valid.Mobile,
            FullNameAr = valid.FullNameAr,
            FullNameEn = valid.FullNameEn,
            CreatedAt = now,
            PreferredLanguage = culture.TwoLetterISOLanguageName == "en" ? "en" : "ar",
        };

        var refused = new List<FieldError>();
        if (await db.Volunteers.AnyAsync(v => v.NationalId == valid.NationalId.Value, cancellationToken))
            refused.Add(new(nameof(input.NationalId), "NationalId.Duplicate"));
        if (await users.FindByEmailAsync(valid.Email) is not null)
            refused.Add(new(nameof(input.Email), "Email.Duplicate"));
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, valid.Password);
            refused.AddRange(check.Errors.Select(e => new FieldError(nameof(input.Password), $"Identity.{e.Code}", PasswordArgument(e.Code))));
        }
        if (refused.Count > 0)
            return new(null, refused);

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var created = await users.CreateAsync(user, valid.Password);
                if (!created.Succeeded)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return new Result(null, created.Errors.Select(ToFieldError).ToList());
                }
                await users.AddToRoleAsync(user, Roles.Volunteer);

                db.Volunteers.Add(new Volunteer
                {
                    UserId = user.Id,
                    NationalId = valid.NationalId.Value,
                    Gender = valid.Gender,
                    BirthDate = valid.BirthDate,
                    RegionId = valid.RegionId,
                    CityId = valid.CityId,
                    Skills = valid.Skills,
                    Education = valid.Education,
                    Profession = valid.Profession,
                    GuardianConsentRequired = valid.IsMinor,
                    RegisteredAt = now,
                    Fields = valid.FieldIds.Select(f => new VolunteerField { VolunteerId = user.Id, FieldId = f }).ToList(),
                });
                db.ConsentRecords.Add(new ConsentRecord { UserId = user.Id, Kind = ConsentKind.EthicsCharter, Version = policy.Value.EthicsCharterVersion, AcceptedAt = now });
                db.ConsentRecords.Add(new ConsentRecord { UserId = user.Id, Kind = ConsentKind.PrivacyNotice, Version = policy.Value.PrivacyNoticeVersion, AcceptedAt = now });

                if (valid.Guardian is { } guardian)
                    guardians.Request(user, guardian);

                await messages.QueueEmailConfirmationAsync(user);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new Result(user, []);
            });
        }
        catch (DbUpdateException)
        {
            // Two registrations with one national ID (or e-mail) raced; the unique index let exactly one in.
            db.ChangeTracker.Clear();
            if (await db.Volunteers.AsNoTracking().AnyAsync(v => v.NationalId == valid.NationalId.Value, cancellationToken))
                return new(null, [new(nameof(input.NationalId), "NationalId.Duplicate")]);
            if (await db.Users.AsNoTracking().AnyAsync(u => u.NormalizedEmail == users.NormalizeEmail(valid.Email), cancellationToken))
                return new(null, [new(nameof(input.Email), "Email.Duplicate")]);
            throw;
        }
    }

    private FieldError ToFieldError(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => new("Email", "Email.Duplicate"),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => new("Email", "Email.Invalid"),
        _ => new("Password", $"Identity.{error.Code}", PasswordArgument(error.Code)),
    };

    private object[] PasswordArgument(string code) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => [identity.Value.Password.RequiredLength],
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => [identity.Value.Password.RequiredUniqueChars],
        _ => [],
    };
}
