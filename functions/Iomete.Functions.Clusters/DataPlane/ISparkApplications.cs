using System.Text.Json.Nodes;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>SparkApplication objects on the data plane: create, read, delete, and a watch of their status changes.</summary>
public interface ISparkApplications
{
    /// <summary>Creates the application; an existing one of the same name is returned as it is (a retried create is not an error).</summary>
    Task<SparkApplicationStatus> CreateAsync(JsonObject application, CancellationToken ct);

    /// <summary>The application's state, or null when it does not exist.</summary>
    Task<SparkApplicationStatus?> GetAsync(string @namespace, string name, CancellationToken ct);

    /// <summary>Deletes it (its pods go with it); a missing one is not an error.</summary>
    Task DeleteAsync(string @namespace, string name, CancellationToken ct);

    /// <summary>
    /// Status changes of the applications matching <paramref name="labelSelector"/>, from now on, until cancelled. A
    /// dropped watch is resumed from the last resource version seen (or re-listed when the server says it expired).
    /// </summary>
    IAsyncEnumerable<SparkApplicationStatus> WatchAsync(string @namespace, string labelSelector, CancellationToken ct);
}
