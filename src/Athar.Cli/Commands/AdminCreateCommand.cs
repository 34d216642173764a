using Athar.Core.Accounts;
using Athar.Core.Audit;
using Athar.Core.Common;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Data.Audit;
using Microsoft.AspNetCore.Identity;

namespace Athar.Cli.Commands;

/// <summary>
/// athar admin create: the first PlatformAdmin of a fresh installation, made through Identity so the web
/// app's password policy and hashing apply. An existing account with that e-mail just gains the role.
/// </summary>
internal sealed class AdminCreateCommand(AtharDbContext db, AuditTrail audit, UserManager<AtharUser> users, TimeProvider clock, CliConsole console)
{
    public const string PasswordVariable = "ATHAR_ADMIN_PASSWORD";

    internal sealed record Request(string Email, string NameAr, string? NameEn, string? Password)
    {
        public static Request From(CliArguments arguments) => new(
            arguments.Required("--email"),
            arguments.Required("--name"),
            arguments.Optional("--name-en"),
            // Passwords are taken as typed: leading or trailing spaces are part of them.
            arguments.Get("--password") is { Length: > 0 } password ? password : null);
    }

    public async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        var output = console.Output;
        var email = request.Email;
        if (!EmailRules.IsValid(email))
            return Refuse($"'{email}' is not a valid e-mail address.");

        var errors = new List<FieldError>();
        var nameAr = TextRules.CheckName(request.NameAr, "--name", required: true, errors);
        var nameEn = TextRules.CheckName(request.NameEn, "--name-en", required: false, errors);
        if (errors.Count > 0)
            return Refuse(string.Join(Environment.NewLine + "athar: ", errors.Select(Describe)));

        if (!await SchemaCheck.IsCurrentAsync(db, console.Error, cancellationToken))
            return ExitCodes.Refused;

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
            return await PromoteAsync(existing, request.Password is not null);

        var password = request.Password ?? console.GetEnvironmentVariable(PasswordVariable);
        if (password is null)
        {
            if (console.ReadSecret is not { } read)
                throw new UsageException($"no password: pass --password, set {PasswordVariable}, or run in a terminal to be asked.");
            password = read("Password for the new admin: ", cancellationToken);
            if (string.IsNullOrEmpty(password))
                return Refuse("no password entered; nothing was created.");
            if (!string.Equals(password, read("Repeat the password: ", cancellationToken), StringComparison.Ordinal))
                return Refuse("the two passwords differ; nothing was created.");
        }

        var now = clock.GetUtcNow();
        var user = new AtharUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = email,
            Email = email,
            // The operator vouches for the address; a bootstrap admin has no mail flow to confirm it yet.
            EmailConfirmed = true,
            FullNameAr = nameAr!,
            FullNameEn = nameEn,
            CreatedAt = now,
        };
        // Identity validates the user and the password before anything is written.
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return Refuse("the account was not created:", created);

        var role = await users.AddToRoleAsync(user, Roles.PlatformAdmin);
        if (!role.Succeeded)
        {
            await users.DeleteAsync(user);
            return Refuse("the role could not be added; the account was removed again:", role);
        }
        await RecordGrantAsync(user);

        output.WriteLine($"Created platform admin {email} ({nameAr}); e-mail marked confirmed.");
        return ExitCodes.Success;
    }

    private async Task<int> PromoteAsync(AtharUser user, bool passwordGiven)
    {
        var output = console.Output;
        if (await users.IsInRoleAsync(user, Roles.PlatformAdmin))
        {
            output.WriteLine($"{user.Email} is already a platform admin; nothing changed.");
        }
        else
        {
            var role = await users.AddToRoleAsync(user, Roles.PlatformAdmin);
            if (!role.Succeeded)
                return Refuse("the role could not be added:", role);
            await RecordGrantAsync(user);
            output.WriteLine($"{user.Email} already had an account; added the {Roles.PlatformAdmin} role.");
        }
        if (passwordGiven)
            output.WriteLine("The existing account's password was left unchanged.");
        return ExitCodes.Success;
    }

    private async Task RecordGrantAsync(AtharUser user)
    {
        audit.Record(AuditActions.PlatformAdminGranted, "User", user.Id, null, personId: user.Id, detail: AuditTrail.Detail(("via", "cli")));
        await db.SaveChangesAsync();
    }

    private int Refuse(string message, IdentityResult? result = null)
    {
        console.Error.WriteLine("athar: " + message);
        foreach (var error in result?.Errors ?? [])
            console.Error.WriteLine($"  - {error.Description} ({error.Code})");
        return ExitCodes.Refused;
    }

    private static string Describe(FieldError error) => error.Code switch
    {
        "Field.Required" => $"{error.Field} is required.",
        "Text.TooLong" => $"{error.Field} is longer than {TextRules.NameMaxLength} characters.",
        _ => $"{error.Field} must be a name of {TextRules.NameMinLength} to {TextRules.NameMaxLength} letters (spaces, hyphens, apostrophes and dots allowed).",
    };
}
