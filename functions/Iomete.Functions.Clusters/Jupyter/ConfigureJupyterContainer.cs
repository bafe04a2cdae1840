using Iomete.Functions.Clusters.Common;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>A new configuration; absent fields keep their value. Name and bundle are immutable.</summary>
public sealed record ConfigureJupyterContainerRequest
{
    /// <summary>The version that was read; 409 when the container changed since. Absent: the current one.</summary>
    public long? Version { get; init; }

    public string? Namespace { get; init; }

    public string? NodeType { get; init; }

    /// <summary>An empty string removes the volume.</summary>
    public string? VolumeId { get; init; }

    public Dictionary<string, string?>? EnvVars { get; init; }

    public List<SecretReference?>? EnvSecrets { get; init; }

    public List<string?>? JupyterArgs { get; init; }

    public List<JupyterTag?>? ResourceTags { get; init; }
}

public sealed class ConfigureJupyterContainer(
    ICallerAccessor callers, JupyterAccess access, JupyterStore store, JupyterDeployer deployer, WorkloadChecks checks)
{
    [Function("clusters-jupyter-configure")]
    [OpenApiOperation("Jupyter containers", "Configure a Jupyter container (UPDATE)",
        Description = "Only a STOPPED or FAILED container can be configured (409 otherwise); the change applies at the next start.")]
    [OpenApiRequestBody(typeof(ConfigureJupyterContainerRequest))]
    [OpenApiResponse(200, typeof(JupyterContainerView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/domains/{domain}/jupyter-containers/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<ConfigureJupyterContainerRequest>(request, ct);
        var current = await access.RequireAsync(caller, domain, id, JupyterAccess.Update, ct);
        var config = JupyterRules.Config(
            body.EnvVars ?? current.Config.EnvVars.ToDictionary(p => p.Key, p => (string?)p.Value),
            body.EnvSecrets ?? current.Config.EnvSecrets.Select(s => (SecretReference?)s).ToList(),
            body.JupyterArgs ?? current.Config.JupyterArgs.Select(a => (string?)a).ToList());
        var tags = body.ResourceTags is null ? current.ResourceTags : JupyterRules.Tags(body.ResourceTags);
        var ns = await checks.RequireAsync(caller, domain, body.Namespace ?? current.Namespace, ("image", null), [("envSecrets", config.EnvSecrets)], ct);
        var updated = current with
        {
            Namespace = ns,
            NodeType = body.NodeType ?? current.NodeType,
            VolumeId = body.VolumeId is null ? current.VolumeId : body.VolumeId.Length == 0 ? null : body.VolumeId,
            Config = config,
            ResourceTags = tags,
        };
        if (updated.NodeType != current.NodeType || updated.VolumeId != current.VolumeId)
            await deployer.PlanAsync(updated, ct);
        var saved = await store.UpdateAsync(updated, body.Version ?? current.Version, ct);
        return ApiResults.Ok(JupyterContainerView.From(saved));
    }
}
