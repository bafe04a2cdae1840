namespace Iomete.DurableTask.Sql.Hosting;

/// <summary>Where the in-process Durable Task sidecar listens.</summary>
public sealed class DurableTaskSidecarOptions
{
    /// <summary>Loopback port of the sidecar's HTTP/2 gRPC endpoint; 0 picks a free one at startup.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Only answer client calls (start, query, raise events) and dispatch no work items: for processes that schedule
    /// orchestrations while other processes' workers run them.
    /// </summary>
    public bool ApiServerOnly { get; set; }
}
