using Iomete.Functions.Catalog.Index;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Catalog.Search;

/// <summary>
/// This replica's copy of the index in memory: loaded from the database on first use, then brought up to date by the
/// change sequence. A search checks the database's sequence at most once per <see cref="CatalogOptions.SearchRefreshInterval"/>
/// (one single-row read) and applies only the rows changed since; a moved generation (rows removed) reloads everything.
/// Writers in this process call <see cref="CatchUpAsync"/> after their commit, so their own changes are searchable at once.
/// </summary>
public sealed class LiveIndex(CatalogIndexStore store, IOptions<CatalogOptions> options, TimeProvider clock) : IDisposable
{
    private readonly ReaderWriterLockSlim gate = new();
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private SearchIndex index = new();
    private long sequence = -1;
    private long generation = -1;
    private long checkedAt;
    private volatile bool loaded;

    /// <summary>Runs <paramref name="read"/> over an up-to-date index (at most one refresh interval old).</summary>
    public async Task<T> ReadAsync<T>(Func<SearchIndex, T> read, CancellationToken ct)
    {
        if (!loaded || clock.GetTimestamp() - Volatile.Read(ref checkedAt) > options.Value.SearchRefreshInterval.TotalSeconds * clock.TimestampFrequency)
        {
            await RefreshAsync(force: false, ct);
        }
        gate.EnterReadLock();
        try
        {
            return read(index);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Applies whatever the database holds beyond this copy, now.</summary>
    public Task CatchUpAsync(CancellationToken ct) => RefreshAsync(force: true, ct);

    private async Task RefreshAsync(bool force, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        await refreshing.WaitAsync(ct);
        try
        {
            if (!force && loaded && Volatile.Read(ref checkedAt) >= started)
            {
                return;
            }
            var state = await store.ReadStateAsync(ct);
            if (state.Generation != generation || sequence < 0)
            {
                var fresh = new SearchIndex();
                var all = await store.ChangesSinceAsync(-1, ct);
                fresh.Apply(all);
                Swap(fresh, all.State);
            }
            else if (state.Sequence > sequence)
            {
                var changes = await store.ChangesSinceAsync(sequence, ct);
                gate.EnterWriteLock();
                try
                {
                    index.Apply(changes);
                    sequence = changes.State.Sequence;
                }
                finally
                {
                    gate.ExitWriteLock();
                }
            }
            Volatile.Write(ref checkedAt, clock.GetTimestamp());
            loaded = true;
        }
        finally
        {
            refreshing.Release();
        }
    }

    private void Swap(SearchIndex fresh, IndexState state)
    {
        gate.EnterWriteLock();
        try
        {
            index = fresh;
            sequence = state.Sequence;
            generation = state.Generation;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public void Dispose()
    {
        gate.Dispose();
        refreshing.Dispose();
    }
}
