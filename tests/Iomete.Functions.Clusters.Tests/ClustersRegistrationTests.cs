using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.Tests;

public sealed class ClustersRegistrationTests
{
    [Fact]
    public void AddClustersService_CanBeComposed()
    {
        var services = new ServiceCollection().AddClustersService();
        Assert.NotEmpty(services);
    }
}
