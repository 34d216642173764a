namespace Athar.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and refused (weak password, schema not migrated) or failed (database unreachable).</summary>
    public const int Refused = 1;

    /// <summary>The command line itself is wrong: unknown command or option, a required option missing.</summary>
    public const int Usage = 2;
}

/// <summary>A wrong command line; reported with a pointer to --help and exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
