using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Athar.IntegrationTests.Infrastructure;

/// <summary>
/// Every log entry the app writes (give it to <see cref="AtharAppFactory"/>): the rendered message, its structured
/// values and any exception, for the tests that check what is logged and what never is.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, string Text);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>Each entry as one line of text (category, level, message, values, exception, or a scope), for leak scans.</summary>
    public IReadOnlyList<string> Lines => Entries.Select(e => e.Text).ToList();

    /// <summary>The security events (category <c>Athar.Security</c>) with this event id.</summary>
    public IReadOnlyList<Entry> Events(int eventId) =>
        Entries.Where(e => e.Category == "Athar.Security" && e.EventId.Id == eventId).ToList();

    public void Clear() => Entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Capture(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            owner.Entries.Enqueue(new Entry(category, LogLevel.None, default, string.Empty, Values(state), $"{category} scope: {Describe(state)}"));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            owner.Entries.Enqueue(new Entry(category, logLevel, eventId, message, Values(state), $"{category} {logLevel}: {message} | {Describe(state)} | {exception}"));
        }

        private static Dictionary<string, object?> Values<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> values
                ? values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : [];

        private static string Describe<TState>(TState state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
            : state?.ToString() ?? string.Empty;
    }
}
