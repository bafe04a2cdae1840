using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Jupyter;

public sealed record CreateJupyterContainerRequest
{
    /// <summary>Lowercase letters, digits and '-' (DNS label), at most 49 characters; immutable.</summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>The resource bundle that holds the container; immutable.</summary>
    [Required]
    public string? ResourceBundleId { get; init; }

    /// <summary>One of the data-plane namespaces; default the first.</summary>
    public string? Namespace { get; init; }

    /// <summary>The instance type: a node type available for drivers.</summary>
    [Required]
    public string? NodeType { get; init; }

    /// <summary>An NFS volume of the admin volumes, mounted at /home/jovyan.</summary>
    public string? VolumeId { get; init; }

    public Dictionary<string, string?>? EnvVars { get; init; }

    public List<SecretReference?>? EnvSecrets { get; init; }

    /// <summary>Extra JupyterLab arguments; --ip, --port, --ServerApp.base_url, --ServerApp.allow_origin and --IdentityProvider.token are the platform's.</summary>
    public List<string?>? JupyterArgs { get; init; }

    public List<JupyterTag?>? ResourceTags { get; init; }
}

public sealed class CreateJupyterContainer(
    ICallerAccessor callers, JupyterAccess access, IAssetRegistry assets, JupyterStore store, JupyterDeployer deployer,
    IIdGenerator ids, WorkloadChecks checks, IOptions<DataPlaneOptions> dataPlane, TimeProvider clock)
{
    [Function("clusters-jupyter-create")]
    [OpenApiOperation("Jupyter containers", "Create and start a Jupyter container",
        Description = "Needs the domain permission CREATE_JUPYTER_CONTAINER and use of the bundle. The container starts at once: " +
                      "STARTING until its pod is ready, then ACTIVE. 409 DATA_PLANE_NOT_CONFIGURED without a Kubernetes data plane.")]
    [OpenApiRequestBody(typeof(CreateJupyterContainerRequest))]
    [OpenApiResponse(201, typeof(JupyterContainerView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/jupyter-containers")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireCreateAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<CreateJupyterContainerRequest>(request, ct);
        var now = clock.GetUtcNow();
        var name = JupyterRules.Name(body.Name);
        var config = JupyterRules.Config(body.EnvVars, body.EnvSecrets, body.JupyterArgs);
        var tags = JupyterRules.Tags(body.ResourceTags);
        var ns = await checks.RequireAsync(caller, domain, body.Namespace, ("image", null), [("envSecrets", config.EnvSecrets)], ct);
        var container = new JupyterContainer
        {
            Id = ids.NewId(),
            DomainId = domain,
            Name = name,
            Namespace = ns,
            ResourceBundleId = body.ResourceBundleId!,
            NodeType = body.NodeType!,
            VolumeId = string.IsNullOrWhiteSpace(body.VolumeId) ? null : body.VolumeId,
            Config = config,
            ResourceTags = tags,
            Status = JupyterStatus.Starting,
            CreatedBy = caller.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!dataPlane.Value.Configured)
            throw new DataPlaneNotConfiguredException();
        await deployer.PlanAsync(container, ct);

        var created = await store.CreateAsync(container, ct);
        try
        {
            await assets.RegisterAsync(caller, domain, created.ResourceBundleId, AssetType.JupyterContainer, created.Id, ct);
        }
        catch
        {
            await store.DeleteAsync(created.Id, CancellationToken.None);
            throw;
        }
        created = await JupyterLifecycle.DeployAsync(deployer, store, created, ct);
        return ApiResults.Created(JupyterContainerView.From(created), $"/api/v1/domains/{domain}/jupyter-containers/{created.Id}");
    }
}
