using System.Security.Cryptography;
using System.Text;
using Athar.Core.Common;
using Athar.Core.Identity;

namespace Athar.Core.Organizations;

public enum InvitationChannel
{
    Email = 1,
    Sms = 2,
}

/// <summary>Where an invitation goes: an e-mail address, or a Saudi mobile in its international form.</summary>
public sealed record InvitationContact(InvitationChannel Channel, string Value);

public enum InvitationState
{
    Open,
    Accepted,
    Expired,
}

/// <summary>Invitations to an organisation's staff: sent to an e-mail or a Saudi mobile, valid seven days, accepted once.</summary>
public static class InvitationRules
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>"someone@example.sa" is an e-mail; anything else must be a Saudi mobile (05XXXXXXXX, +9665XXXXXXXX, Arabic digits too).</summary>
    public static InvitationContact? ParseContact(string? input, string field, List<FieldError> errors)
    {
        var text = input?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            errors.Add(new(field, "Field.Required"));
            return null;
        }
        if (text.Contains('@', StringComparison.Ordinal))
        {
            if (EmailRules.IsValid(text))
                return new(InvitationChannel.Email, text);
        }
        else if (SaudiMobile.Normalize(text) is { } mobile)
        {
            return new(InvitationChannel.Sms, mobile);
        }
        errors.Add(new(field, "Invitation.ContactInvalid"));
        return null;
    }

    public static InvitationState StateOf(DateTimeOffset expiresAt, DateTimeOffset? acceptedAt, DateTimeOffset now) =>
        acceptedAt is not null ? InvitationState.Accepted
        : now >= expiresAt ? InvitationState.Expired
        : InvitationState.Open;
}

/// <summary>
/// The secret in an invitation link. Only its SHA-256 hash is stored, so a copy of the database
/// cannot be turned into working links.
/// </summary>
public static class InvitationToken
{
    public const int MaxLength = 100;

    public static (string Token, string Hash) Create()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    /// <summary>Lower-case hex, 64 characters.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksValid(string? token) =>
        !string.IsNullOrEmpty(token) && token.Length <= MaxLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
