using Athar.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Localization;

/// <summary>Identity's password and account errors in the request's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : AtharIdentityErrorDescriber
{
    private IdentityError Error(string code, params object[] args) => new() { Code = code, Description = t[$"Identity.{code}", args] };

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), uniqueChars);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName));
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));
    public override IdentityError PasswordGuessable() => Error(nameof(PasswordGuessable));
    public override IdentityError PasswordHasPersonalData() => Error(nameof(PasswordHasPersonalData));
    public override IdentityError DefaultError() => Error(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));
}
