using System.Collections;

namespace Athar.Cli;

/// <summary>Reads a secret (a password) without echo; returns null when there is no terminal to ask.</summary>
internal delegate string? SecretReader(string prompt, CancellationToken cancellationToken);

/// <summary>What a command may touch of the outside world: its two streams, its environment and, when interactive, a prompt.</summary>
internal sealed class CliConsole(
    TextWriter output,
    TextWriter error,
    IReadOnlyDictionary<string, string?> environment,
    SecretReader? readSecret)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;
    public IReadOnlyDictionary<string, string?> Environment { get; } = environment;

    /// <summary>Null when stdin is not a terminal: a script must pass secrets by option or environment.</summary>
    public SecretReader? ReadSecret { get; } = readSecret;

    public string? GetEnvironmentVariable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = entry.Value as string;
        return variables;
    }

    /// <summary>Reads a line from the terminal without echoing it; Ctrl+C cancels through the token.</summary>
    public static string? ReadSecretFromTerminal(string prompt, CancellationToken cancellationToken)
    {
        // Prompts go to stderr so that stdout stays clean for scripts that capture it.
        Console.Error.Write(prompt);
        var buffer = new System.Text.StringBuilder();
        while (true)
        {
            // Polling lets Ctrl+C (handled by Program.cs as a cancellation) end the prompt too.
            while (!Console.KeyAvailable)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(25);
            }
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (buffer.Length > 0)
                    buffer.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar))
                buffer.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return buffer.ToString();
    }
}
