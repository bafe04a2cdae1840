using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>The deploy step shared by create and start: a data-plane refusal leaves the container FAILED with the reason.</summary>
internal static class JupyterLifecycle
{
    public static async Task<JupyterContainer> DeployAsync(JupyterDeployer deployer, JupyterStore store, JupyterContainer container, CancellationToken ct)
    {
        try
        {
            await deployer.DeployAsync(container, ct);
        }
        catch (Exception e) when (e is not ApiException and not OperationCanceledException)
        {
            await store.TransitionAsync(container.Id, [JupyterStatus.Starting], JupyterStatus.Failed, $"Deploying failed: {e.Message}", CancellationToken.None);
        }
        return await store.GetAsync(container.Id, ct) ?? throw new NotFoundException("Jupyter container", container.Id);
    }
}
