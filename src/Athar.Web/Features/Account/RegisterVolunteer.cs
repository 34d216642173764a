using System.Globalization;
using Athar.Core.Accounts;
using Athar.Core.Calendar;
using Athar.Core.Common;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Data.Infrastructure;
using Athar.Web.Features.Guardian;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Account;

/// <summary>
/// Registers a volunteer: one national record per person. Everything (account, role, volunteer
/// record, consents, guardian request, messages) is saved in one transaction or not at all.
/// A national ID or e-mail that is already registered is not reported to the caller (that would tell
/// anyone whether a person has an account): the answer is the same as for a new registration, and the
/// registered account's owner is told by e-mail that someone tried to register with their details.
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
    /// <param name="User">The new account; null when the input was refused or the person was already registered.</param>
    /// <param name="GuardianConsentRequired">From the input's birth date, so it says nothing about existing accounts.</param>
    public sealed record Result(AtharUser? User, IReadOnlyList<FieldError> Errors, bool GuardianConsentRequired = false)
    {
        /// <summary>The input was valid: either a new account or a message to the registered one. Callers answer both alike.</summary>
        public bool Received => Errors.Count == 0;
    }

    private static readonly AtharUser HashingStandIn = new() { FullNameAr = "-", UserName = "-" };

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
        // Attached before the password check, which refuses a password containing the national ID; saved with the account.
        user.Volunteer = new Volunteer
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
        };

        var refused = new List<FieldError>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, valid.Password);
            refused.AddRange(check.Errors.Select(e => new FieldError(nameof(input.Password), $"Identity.{e.Code}", PasswordArgument(e.Code))));
        }
        if (refused.Count > 0)
            return new(null, refused);
        if (await TellRegisteredOwnersAsync(valid.NationalId.Value, valid.Email, valid.Password, cancellationToken))
            return new(null, [], valid.IsMinor);

        try
        {
            return await db.ExecuteOnceAsync(AttemptStart.ForgetAdded, async _ =>
            {
                var created = await users.CreateAsync(user, valid.Password);
                if (!created.Succeeded)
                {
                    await db.Database.RollbackTransactionAsync(cancellationToken);
                    if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                        && await TellRegisteredOwnersAsync(valid.NationalId.Value, valid.Email, password: null, cancellationToken))
                        return new Result(null, [], valid.IsMinor);
                    return new Result(null, created.Errors.Select(ToFieldError).ToList(), valid.IsMinor);
                }
                await users.AddToRoleAsync(user, Roles.Volunteer);
                db.ConsentRecords.Add(new ConsentRecord { UserId = user.Id, Kind = ConsentKind.EthicsCharter, Version = policy.Value.EthicsCharterVersion, AcceptedAt = now });
                db.ConsentRecords.Add(new ConsentRecord { UserId = user.Id, Kind = ConsentKind.PrivacyNotice, Version = policy.Value.PrivacyNoticeVersion, AcceptedAt = now });

                if (valid.Guardian is { } guardian)
                    guardians.Request(user, guardian);

                await messages.QueueEmailConfirmationAsync(user);
                await db.SaveChangesAsync(cancellationToken);
                return new Result(user, [], valid.IsMinor);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two registrations with one national ID (or e-mail) raced; the unique index let exactly one in,
            // and this one answers as any registration of a known person does.
            db.ChangeTracker.Clear();
            if (await TellRegisteredOwnersAsync(valid.NationalId.Value, valid.Email, password: null, cancellationToken))
                return new(null, [], valid.IsMinor);
            throw;
        }
    }

    /// <summary>
    /// When the national ID or the e-mail already belongs to an account, e-mails that account's owner and answers true.
    /// The password is hashed anyway so that this path costs about what creating an account costs.
    /// </summary>
    private async Task<bool> TellRegisteredOwnersAsync(string nationalId, string email, string? password, CancellationToken cancellationToken)
    {
        var normalizedEmail = users.NormalizeEmail(email);
        var owners = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalizedEmail || (u.Volunteer != null && u.Volunteer.NationalId == nationalId))
            .ToListAsync(cancellationToken);
        if (owners.Count == 0)
            return false;
        if (password is not null)
            users.PasswordHasher.HashPassword(HashingStandIn, password);
        foreach (var owner in owners)
            messages.QueueRegistrationAttempt(owner);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private FieldError ToFieldError(IdentityError error) => error.Code switch
    {
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
