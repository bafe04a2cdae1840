using Iomete.Platform.Data;
using Iomete.Platform.Tests.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Platform.Tests.TestSupport;

/// <summary>The platform kernel as the hosts wire it (<c>AddIometePlatform</c>), over in-memory configuration.</summary>
public static class PlatformServices
{
    public static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddIometePlatform();
        services.AddServiceDatabase(TestDatabase.Service, typeof(TestDatabase).Assembly);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }
}
