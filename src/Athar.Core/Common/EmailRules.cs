using System.Net.Mail;

namespace Athar.Core.Common;

public static class EmailRules
{
    public const int MaxLength = 256;

    /// <summary>One plain address (no display name) with a dotted domain.</summary>
    public static bool IsValid(string email)
    {
        if (email.Length > MaxLength || !MailAddress.TryCreate(email, out var address) || address.Address != email)
            return false;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.');
    }
}
