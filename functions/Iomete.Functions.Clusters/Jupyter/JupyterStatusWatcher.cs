using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>
/// Keeps container states in step with the data plane: a watch of our Jupyter Deployments in every allowed namespace
/// (ready → ACTIVE, a failed condition → FAILED, deleted → STOPPED), and a periodic look at the pods of STARTING and
/// ACTIVE containers, because a crash-looping container changes no Deployment. Runs only with a data plane.
/// </summary>
internal sealed partial class JupyterStatusWatcher(
    IKubernetesWorkloads workloads,
    JupyterStore store,
    IOptions<DataPlaneOptions> dataPlane,
    IOptions<ClustersOptions> clusters,
    IOptions<JupyterOptions> options,
    TimeProvider clock,
    ILogger<JupyterStatusWatcher> logger) : BackgroundService
{
    private static readonly JupyterStatus[] Running = [JupyterStatus.Starting, JupyterStatus.Active];

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!dataPlane.Value.Configured)
            return Task.CompletedTask;
        return Task.WhenAll(clusters.Value.AllowedNamespaces.Select(ns => WatchAsync(ns, stoppingToken)).Append(CheckPodsAsync(stoppingToken)));
    }

    private async Task WatchAsync(string ns, CancellationToken ct)
    {
        var selector = $"{ManifestLabels.ResourceType}={ManifestLabels.Value(ManagedResourceType.Jupyter)}";
        try
        {
            await foreach (var state in workloads.WatchDeploymentsAsync(ns, selector, ct))
            {
                try
                {
                    await OnDeploymentAsync(state, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    LogHandlingFailed(logger, e, state.Namespace, state.Name);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    internal async Task OnDeploymentAsync(DeploymentState state, CancellationToken ct)
    {
        if (!state.Labels.TryGetValue(ManifestLabels.ResourceId, out var id))
            return;
        if (state.Deleted)
        {
            // Only an ACTIVE one was stopped by someone else: a STARTING one may be a (re)start whose old Deployment just went.
            await store.TransitionAsync(id, [JupyterStatus.Active], JupyterStatus.Stopped, "The Deployment was deleted on the data plane.", ct);
            return;
        }
        if (state.Failed)
        {
            await store.TransitionAsync(id, Running, JupyterStatus.Failed, state.FailureMessage, ct);
            return;
        }
        if (state.Ready)
        {
            await store.TransitionAsync(id, [JupyterStatus.Starting], JupyterStatus.Active, null, ct);
            return;
        }
        if (await store.GetAsync(id, ct) is { Status: JupyterStatus.Active } active)
            await CheckAsync(active, ct);
    }

    private async Task CheckPodsAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PodCheckSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    foreach (var status in Running)
                        foreach (var container in await store.ListInStatusAsync(status, ct))
                            await CheckAsync(container, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    LogCheckFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(JupyterContainer container, CancellationToken ct)
    {
        if (await workloads.FindPodFailureAsync(container.Namespace, JupyterDeployer.PodSelector(container), ct) is { } failure)
        {
            await store.TransitionAsync(container.Id, Running, JupyterStatus.Failed, failure, ct);
            return;
        }
        if (container.Status == JupyterStatus.Starting && await workloads.GetDeploymentAsync(container.Namespace, container.ObjectName, ct) is { } deployment)
        {
            if (deployment.Failed)
                await store.TransitionAsync(container.Id, Running, JupyterStatus.Failed, deployment.FailureMessage, ct);
            else if (deployment.Ready)
                await store.TransitionAsync(container.Id, [JupyterStatus.Starting], JupyterStatus.Active, null, ct);
        }
    }

    [LoggerMessage(EventId = 6121, Level = LogLevel.Error, Message = "Handling the state of Jupyter Deployment {Namespace}/{Name} failed")]
    private static partial void LogHandlingFailed(ILogger logger, Exception exception, string @namespace, string name);

    [LoggerMessage(EventId = 6122, Level = LogLevel.Warning, Message = "Checking the pods of running Jupyter containers failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
