using Iomete.Platform.Functions;

namespace Iomete.Platform.Storage;

/// <summary>Ready when the object store answers a one-key listing of its root.</summary>
internal sealed class StorageReadinessCheck(IObjectStore store) : IReadinessCheck
{
    public string Name => "storage";

    public Task CheckAsync(CancellationToken ct) => store.ListAsync(string.Empty, "/", null, 1, ct);
}
