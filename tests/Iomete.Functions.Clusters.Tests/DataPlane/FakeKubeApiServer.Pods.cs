using Microsoft.AspNetCore.Builder;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>The core/v1 pod-log and event endpoints of the stand-in (driver logs, Kubernetes events).</summary>
internal sealed partial class FakeKubeApiServer
{
    private void MapPodRoutes(WebApplication app)
    {
        _ = app;
    }
}
