using Microsoft.AspNetCore.Builder;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>The apps/v1 Deployment and core/v1 Service endpoints of the stand-in (Jupyter containers, the history server).</summary>
internal sealed partial class FakeKubeApiServer
{
    private void MapWorkloadRoutes(WebApplication app)
    {
        _ = app;
    }
}
