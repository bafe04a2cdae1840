using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.EventStreams.Tests;

public sealed class EventStreamsRegistrationTests
{
    [Fact]
    public void AddEventStreamsService_RegistersItsOptions()
    {
        var services = new ServiceCollection().AddEventStreamsService();
        Assert.Contains(services, d => d.ServiceType.FullName?.Contains(nameof(EventStreamsOptions), StringComparison.Ordinal) == true);
    }
}
