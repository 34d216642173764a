using Athar.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.Cli;

/// <summary>The `athar` tool as a function: arguments and streams in, exit code out; Program.cs and the tests both call it.</summary>
public static class AtharCli
{
    /// <param name="environment">The environment variables to read; null reads the process's.</param>
    public static Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        IDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var variables = environment is null
            ? CliConsole.ProcessEnvironment()
            : new Dictionary<string, string?>(environment, StringComparer.Ordinal);
        SecretReader? prompt = Console.IsInputRedirected ? null : CliConsole.ReadSecretFromTerminal;
        return RunAsync(args, new CliConsole(output, error, variables, prompt), cancellationToken);
    }

    internal static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var arguments = CliArguments.Parse(args);
            var command = CommandCatalog.Find(arguments.Words);
            if (arguments.Help)
            {
                if (command is null)
                    CommandCatalog.WriteGeneralHelp(console.Output);
                else
                    CommandCatalog.WriteCommandHelp(console.Output, command);
                return ExitCodes.Success;
            }
            if (command is null)
            {
                console.Error.WriteLine("athar: no command given.");
                console.Error.WriteLine();
                CommandCatalog.WriteGeneralHelp(console.Error);
                return ExitCodes.Usage;
            }
            CommandCatalog.EnsureOptionsAllowed(arguments, command);
            CommandCatalog.EnsureArguments(arguments, command);

            // Everything the command line can get wrong is checked before the database is touched.
            var database = CliConfiguration.ResolveDatabase(console.Environment, arguments);
            Func<IServiceProvider, Task<int>> run = command.Name switch
            {
                CommandCatalog.Migrate => s => s.GetRequiredService<MigrateCommand>().RunAsync(cancellationToken),
                CommandCatalog.AdminCreate => Bind(AdminCreateCommand.Request.From(arguments), (s, request) => s.GetRequiredService<AdminCreateCommand>().RunAsync(request, cancellationToken)),
                CommandCatalog.SeedDemo => s => s.GetRequiredService<SeedDemoCommand>().RunAsync(cancellationToken),
                CommandCatalog.SeedScale => Bind(SeedScaleCommand.Request.From(arguments), (s, request) => s.GetRequiredService<SeedScaleCommand>().RunAsync(request, cancellationToken)),
                CommandCatalog.Info => s => s.GetRequiredService<InfoCommand>().RunAsync(cancellationToken),
                CommandCatalog.StatsRebuild => s => s.GetRequiredService<StatsRebuildCommand>().RunAsync(cancellationToken),
                CommandCatalog.AuditVerify => s => s.GetRequiredService<AuditVerifyCommand>().RunAsync(cancellationToken),
                CommandCatalog.AuditSeal => s => s.GetRequiredService<AuditSealCommand>().RunAsync(cancellationToken),
                CommandCatalog.Backup => Bind(arguments.Required("--file"), (s, file) => s.GetRequiredService<BackupCommand>().RunAsync(file, cancellationToken)),
                CommandCatalog.Restore => Bind(arguments.Required("--file"), (s, file) => s.GetRequiredService<RestoreCommand>().RunAsync(file, cancellationToken)),
                CommandCatalog.PrivacyAccessedBy => Bind(PrivacyAccessedByCommand.Request.From(arguments), (s, request) => s.GetRequiredService<PrivacyAccessedByCommand>().RunAsync(request, cancellationToken)),
                CommandCatalog.Import => Bind(ImportCommand.Request.From(arguments), (s, request) => s.GetRequiredService<ImportCommand>().RunAsync(request, cancellationToken)),
                _ => throw new InvalidOperationException($"Command '{command.Name}' has no handler."),
            };

            await using var services = CliServices.Build(database, console);
            await using var scope = services.CreateAsyncScope();
            return await run(scope.ServiceProvider);
        }
        catch (UsageException e)
        {
            console.Error.WriteLine("athar: " + e.Message);
            console.Error.WriteLine("Run 'athar --help' for usage.");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine("athar: cancelled.");
            return ExitCodes.Refused;
        }
        catch (Exception e)
        {
            // Unreachable server, locked file, wrong credentials: the innermost message is the useful one.
            var inner = e;
            while (inner.InnerException is not null)
                inner = inner.InnerException;
            console.Error.WriteLine("athar: failed: " + e.Message);
            if (!ReferenceEquals(inner, e))
                console.Error.WriteLine("  cause: " + inner.Message);
            return ExitCodes.Refused;
        }
    }

    private static Func<IServiceProvider, Task<int>> Bind<T>(T request, Func<IServiceProvider, T, Task<int>> run) =>
        services => run(services, request);
}
