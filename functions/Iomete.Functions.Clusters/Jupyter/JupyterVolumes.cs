using System.Net;
using System.Text.Json;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.NodeTypes;
using Iomete.Platform.Errors;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>
/// The admin volumes of the core service, read by service invocation as the platform (like node types), turned into the
/// volume a Jupyter container mounts at <c>/home/jovyan</c>. IOMETE allows only PVC or NFS volumes here.
/// </summary>
public sealed class JupyterVolumes(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls)
{
    public async Task<JupyterVolume?> ResolveAsync(string? volumeId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(volumeId))
            return null;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/v1/admin/volumes/{Uri.EscapeDataString(volumeId)}", UriKind.Relative));
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; volumes cannot be read"));
        using var response = await invoker.InvokeAsync(NodeTypeCatalog.CoreAppId, request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw ValidationException.ForField("volumeId", $"volume '{volumeId}' does not exist.");
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        var root = json.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type switch
        {
            "NFS" => JupyterVolume.Nfs(root.GetProperty("server").GetString()!, root.GetProperty("path").GetString()!),
            "ON_DEMAND_PVC" => throw ValidationException.ForField("volumeId",
                $"volume '{volumeId}' is an on-demand PVC; Jupyter containers here mount NFS volumes only (claims per container are not created yet)."),
            _ => throw ValidationException.ForField("volumeId", $"volume '{volumeId}' is {type}; Jupyter containers mount only PVC or NFS volumes."),
        };
    }
}
