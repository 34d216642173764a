using System.Collections.Concurrent;

namespace Athar.IntegrationTests.Infrastructure;

/// <summary>One app (and one fresh database) per provider per test class; tests inside a class use unique data.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<TestDatabase, Lazy<AtharAppFactory>> _factories = new();

    public AtharAppFactory For(TestDatabase database)
    {
        var factory = _factories.GetOrAdd(database, d => new Lazy<AtharAppFactory>(() => new AtharAppFactory(d))).Value;
        // Creating the server runs the app's start-up: migrations and demo data.
        _ = factory.Server;
        return factory;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories.Values.Where(f => f.IsValueCreated))
            await factory.Value.DisposeAsync();
    }
}
