namespace Athar.Cli;

/// <summary>
/// The command line split into command words ("admin", "create") and options ("--email x" or "--email=x").
/// Every option takes a value except --help/-h and the flags (--dry-run), so the split needs no knowledge of the command.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    /// <summary>Options that take no value.</summary>
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--dry-run" };

    private CliArguments(List<string> words, bool help)
    {
        Words = words;
        Help = help;
    }

    public IReadOnlyList<string> Words { get; }
    public bool Help { get; }
    public IEnumerable<string> OptionNames => _options.Keys;

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        var help = false;
        var options = new List<(string Name, string Value)>();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token is "-h" or "--help" or "-?")
            {
                help = true;
                continue;
            }
            if (!token.StartsWith('-') || token == "-")
            {
                words.Add(token);
                continue;
            }
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
                throw new UsageException($"unknown option '{token}'.");

            if (Flags.Contains(token))
            {
                options.Add((token, "true"));
                continue;
            }
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                options.Add((token[..equals], token[(equals + 1)..]));
                continue;
            }
            // A following "--x" is the next option, not this one's value; a value starting with
            // "--" can still be given as --name=--value.
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"option '{token}' needs a value.");
            options.Add((token, args[++i]));
        }

        var parsed = new CliArguments(words, help);
        foreach (var (name, value) in options)
        {
            if (!parsed._options.TryAdd(name, value))
                throw new UsageException($"option '{name}' is given more than once.");
        }
        return parsed;
    }

    public string? Get(string name) => _options.TryGetValue(name, out var value) ? value : null;

    /// <summary>The option's trimmed value; a missing or blank required option is a usage error.</summary>
    public string Required(string name) =>
        Get(name)?.Trim() is { Length: > 0 } value ? value : throw new UsageException($"option '{name}' is required.");

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? Optional(string name) => Get(name)?.Trim() is { Length: > 0 } value ? value : null;
}
