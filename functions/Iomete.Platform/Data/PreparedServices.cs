using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Iomete.Platform.Data;

/// <summary>
/// The registered service databases and, per service, the one-time preparation (create, migrate)
/// whose result every later open reuses. A failed preparation is forgotten, so the next open
/// tries again instead of failing forever after one outage at start-up.
/// </summary>
internal sealed partial class PreparedServices<T>
{
    private readonly IReadOnlyDictionary<string, ServiceDatabase> _databases;
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _prepared = new(StringComparer.Ordinal);

    public PreparedServices(IEnumerable<ServiceDatabase> databases)
    {
        _databases = databases.GroupBy(d => d.Service, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var service in _databases.Keys.Where(s => !ServiceName().IsMatch(s)))
        {
            throw new ArgumentException($"Service database name '{service}' must match {ServiceName()} (it names a file and a database).");
        }
    }

    public IEnumerable<T> Ready => _prepared.Values
        .Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully)
        .Select(l => l.Value.Result);

    public async Task<T> GetAsync(string service, Func<ServiceDatabase, Task<T>> prepare, CancellationToken ct)
    {
        if (!_databases.TryGetValue(service, out var database))
        {
            throw new InvalidOperationException($"No database is registered for service '{service}'.");
        }
        var lazy = _prepared.GetOrAdd(service, _ => new Lazy<Task<T>>(() => prepare(database)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _prepared.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(service, lazy));
            throw;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,39}$")]
    private static partial Regex ServiceName();
}
