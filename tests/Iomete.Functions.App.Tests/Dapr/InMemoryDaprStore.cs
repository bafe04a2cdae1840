using Dapr.Client.Autogen.Grpc.v1;
using Grpc.Core;

namespace Iomete.Functions.App.Tests.Dapr;

/// <summary>
/// A state store with the ETag rules of Dapr's state API: every write gets a new ETag; a write or delete that carries an
/// ETag succeeds only when it equals the stored one (a missing key matches no ETag) and fails with <c>Aborted</c>
/// otherwise; an ETag the store could never have issued is <c>InvalidArgument</c>. First-write-wins without an ETag is
/// an insert: it fails when the key exists.
/// </summary>
internal sealed class InMemoryDaprStore
{
    private readonly Dictionary<string, (byte[] Data, long Version)> _entries = [];
    private readonly Lock _gate = new();

    public (byte[] Data, string ETag)? Get(string key)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var entry) ? (entry.Data, Tag(entry.Version)) : null;
        }
    }

    public void Save(string key, byte[] data, string? etag, StateOptions.Types.StateConcurrency? concurrency)
    {
        lock (_gate)
        {
            var exists = _entries.TryGetValue(key, out var current);
            Check(exists, current.Version, etag, concurrency);
            _entries[key] = (data, exists ? current.Version + 1 : 1);
        }
    }

    public void Delete(string key, string? etag, StateOptions.Types.StateConcurrency? concurrency)
    {
        lock (_gate)
        {
            var exists = _entries.TryGetValue(key, out var current);
            if (etag is not null || concurrency == StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite)
            {
                Check(exists, current.Version, etag, StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite);
            }
            _entries.Remove(key);
        }
    }

    private static void Check(bool exists, long version, string? etag, StateOptions.Types.StateConcurrency? concurrency)
    {
        if (etag is null)
        {
            if (concurrency == StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite && exists)
            {
                throw new RpcException(new Status(StatusCode.Aborted, "failed saving state: possible etag mismatch (key exists)"));
            }
            return;
        }
        if (!long.TryParse(etag, System.Globalization.CultureInfo.InvariantCulture, out var expected))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"invalid etag value: {etag}"));
        }
        if (!exists || expected != version)
        {
            throw new RpcException(new Status(StatusCode.Aborted, "failed saving state: possible etag mismatch"));
        }
    }

    private static string Tag(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
