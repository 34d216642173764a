using System.Security.Cryptography;
using System.Text;
using Athar.Core.Accounts;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Guardian;

/// <summary>
/// A minor's guardian confirms consent either by opening the link sent to their mobile or by
/// giving the minor the six-digit code from the same SMS. Only hashes are stored.
/// </summary>
public sealed class GuardianConsents(AtharDbContext db, AccountMessages messages, IOptions<RegistrationPolicy> policy, TimeProvider clock)
{
    public const int MaxCodeAttempts = 5;

    public enum Outcome
    {
        Confirmed,
        AlreadyConfirmed,
        NotFound,
        Expired,
        WrongCode,
        TooManyAttempts,
    }

    public sealed record Pending(Guid ConsentId, string MinorFirstName, DateTimeOffset ExpiresAt, bool Confirmed);

    /// <summary>Adds the consent request and its SMS to the current unit of work.</summary>
    public void Request(AtharUser minor, GuardianDetails guardian)
    {
        var now = clock.GetUtcNow();
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var tokenHash = Hash(token);
        db.GuardianConsents.Add(new GuardianConsent
        {
            Id = Guid.CreateVersion7(now),
            VolunteerId = minor.Id,
            GuardianName = guardian.Name,
            GuardianNationalId = guardian.NationalId.Value,
            GuardianMobile = guardian.Mobile,
            TokenHash = tokenHash,
            CodeHash = Hash(tokenHash + code),
            CreatedAt = now,
            ExpiresAt = now + policy.Value.GuardianCodeLifetime,
        });
        messages.QueueGuardianRequest(guardian.Mobile, FirstName(minor.FullNameAr), token, code, minor.PreferredLanguage);
    }

    public async Task<Pending?> FindByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            return null;
        var hash = Hash(token);
        return await db.GuardianConsents.AsNoTracking()
            .Where(g => g.TokenHash == hash)
            .Join(db.Users, g => g.VolunteerId, u => u.Id, (g, u) => new { g.Id, u.FullNameAr, g.ExpiresAt, g.ConfirmedAt })
            .Select(x => new Pending(x.Id, x.FullNameAr, x.ExpiresAt, x.ConfirmedAt != null))
            .FirstOrDefaultAsync(cancellationToken) is { } p
            ? p with { MinorFirstName = FirstName(p.MinorFirstName) }
            : null;
    }

    public async Task<Outcome> ConfirmByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            return Outcome.NotFound;
        var hash = Hash(token);
        var consent = await db.GuardianConsents.FirstOrDefaultAsync(g => g.TokenHash == hash, cancellationToken);
        return await ConfirmAsync(consent, cancellationToken);
    }

    public async Task<Outcome> ConfirmByCodeAsync(Guid volunteerId, string? code, CancellationToken cancellationToken = default)
    {
        var consent = await db.GuardianConsents
            .Where(g => g.VolunteerId == volunteerId)
            .OrderByDescending(g => g.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (consent is null)
            return Outcome.NotFound;
        if (consent.ConfirmedAt is not null)
            return Outcome.AlreadyConfirmed;
        if (consent.FailedAttempts >= MaxCodeAttempts)
            return Outcome.TooManyAttempts;

        var normalized = Core.Text.ArabicNormalizer.NormalizeDigits(code?.Trim() ?? string.Empty);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(consent.TokenHash + normalized)), Encoding.ASCII.GetBytes(consent.CodeHash)))
        {
            consent.FailedAttempts++;
            await db.SaveChangesAsync(cancellationToken);
            return consent.FailedAttempts >= MaxCodeAttempts ? Outcome.TooManyAttempts : Outcome.WrongCode;
        }
        return await ConfirmAsync(consent, cancellationToken);
    }

    private async Task<Outcome> ConfirmAsync(GuardianConsent? consent, CancellationToken cancellationToken)
    {
        if (consent is null)
            return Outcome.NotFound;
        if (consent.ConfirmedAt is not null)
            return Outcome.AlreadyConfirmed;
        var now = clock.GetUtcNow();
        if (consent.ExpiresAt < now)
            return Outcome.Expired;

        consent.ConfirmedAt = now;
        var volunteer = await db.Volunteers.FirstAsync(v => v.UserId == consent.VolunteerId, cancellationToken);
        volunteer.GuardianConsentConfirmedAt = now;
        db.ConsentRecords.Add(new ConsentRecord { UserId = consent.VolunteerId, Kind = ConsentKind.GuardianConsent, Version = policy.Value.PrivacyNoticeVersion, AcceptedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Confirmed;
    }

    /// <summary>Only the first name reaches the guardian's page: whoever holds the link learns nothing more.</summary>
    private static string FirstName(string fullName) => fullName.Split(' ', 2)[0];

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Base64Url(byte[] bytes) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(bytes);
}
