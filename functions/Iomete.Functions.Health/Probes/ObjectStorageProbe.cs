using System.Text;
using Iomete.Platform.Storage;

namespace Iomete.Functions.Health.Probes;

/// <summary>The object store writes, reads back and deletes a tiny probe object.</summary>
internal sealed class ObjectStorageProbe(IObjectStore store) : IHealthProbe
{
    private static readonly string Key = $".iomete-health/probe-{Guid.NewGuid():N}";

    public string Component => ComponentNames.ObjectStorage;

    public string DisplayName => "Object storage";

    public async Task ProbeAsync(CancellationToken ct)
    {
        var content = Encoding.UTF8.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using (var upload = new MemoryStream(content))
        {
            await store.PutAsync(Key, upload, new PutOptions(ContentType: "text/plain"), ct);
        }
        await using (var read = await store.OpenReadAsync(Key, null, ct))
        {
            using var buffer = new MemoryStream();
            await read.CopyToAsync(buffer, ct);
            if (!buffer.ToArray().AsSpan().SequenceEqual(content))
            {
                throw new HealthProbeException($"The probe object {store.RootUri}/{Key} read back different bytes than were written.");
            }
        }
        await store.DeleteAsync(Key, ct);
    }
}
