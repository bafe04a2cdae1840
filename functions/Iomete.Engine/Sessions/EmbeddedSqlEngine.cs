using System.Collections.Concurrent;
using System.Globalization;
using Iomete.Engine.DuckDb;
using Iomete.Engine.Reads;
using Iomete.Engine.Sessions.Mirror;
using Iomete.Iceberg.IO;
using Microsoft.Extensions.Options;

namespace Iomete.Engine.Sessions;

/// <summary>
/// The embedded engine: sessions on DuckDB over the catalog's Iceberg tables (local warehouses). Opening a DuckDB
/// database costs ~20 ms, so idle connections are kept per caller and settings and handed to that caller's next session
/// (never to another caller: their mirrors hold that caller's policy-wrapped views).
/// </summary>
public sealed class EmbeddedSqlEngine : ISqlEngine, IAsyncDisposable
{
    private readonly TableFileIO io;
    private readonly EngineOptions options;
    private readonly TimeProvider time;
    private readonly RelationCache relations;
    private readonly string scratch;
    private readonly ConcurrentDictionary<string, ConcurrentBag<PooledConnection>> idle = new(StringComparer.Ordinal);

    public EmbeddedSqlEngine(TableFileIO io, IcebergTableReader reader, IOptions<EngineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.io = io;
        this.options = options.Value;
        this.time = time;
        relations = new RelationCache(reader);
        scratch = Path.Combine(this.options.ScratchDirectory ?? Path.Combine(Path.GetTempPath(), "iomete-engine"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
    }

    public async Task<ISqlSession> OpenSessionAsync(SqlSessionOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var threads = options.Threads ?? this.options.Threads;
        var memory = options.MemoryLimit ?? this.options.MemoryLimit;
        var key = options.PoolKey is null ? null : string.Create(CultureInfo.InvariantCulture, $"{options.PoolKey}|{threads}|{memory}");
        PooledConnection? pooled = null;
        if (key is not null && idle.TryGetValue(key, out var bag))
        {
            bag.TryTake(out pooled);
        }
        if (pooled is null)
        {
            var allowed = new List<string> { scratch };
            if (io.IsLocal)
            {
                allowed.Add(relations.Reader.LocalRoot());
            }
            var connection = await SessionConnections.OpenAsync(allowed, threads, memory, ct);
            pooled = new PooledConnection(key ?? "", connection, relations);
        }
        pooled.Mirror.Bind(options.Catalog, options.Policy);
        return new SqlSession(pooled, new NameContext(options.CurrentCatalog, options.CurrentDatabase), io, scratch, this.options.CommitAttempts, time, Release);
    }

    private void Release(PooledConnection pooled)
    {
        if (pooled.PoolKey.Length > 0)
        {
            var bag = idle.GetOrAdd(pooled.PoolKey, _ => []);
            if (bag.Count < options.IdleConnectionsPerCaller)
            {
                bag.Add(pooled);
                return;
            }
        }
        _ = pooled.DisposeAsync().AsTask();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bag in idle.Values)
        {
            while (bag.TryTake(out var pooled))
            {
                await pooled.DisposeAsync();
            }
        }
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
