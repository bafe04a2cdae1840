using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>The data plane when none is configured: every call says what to configure (409).</summary>
internal sealed class UnconfiguredSparkApplications : ISparkApplications
{
    public Task<SparkApplicationStatus> CreateAsync(JsonObject application, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task<SparkApplicationStatus?> GetAsync(string @namespace, string name, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task DeleteAsync(string @namespace, string name, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public async IAsyncEnumerable<SparkApplicationStatus> WatchAsync(string @namespace, string labelSelector, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        throw new DataPlaneNotConfiguredException();
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }
}
