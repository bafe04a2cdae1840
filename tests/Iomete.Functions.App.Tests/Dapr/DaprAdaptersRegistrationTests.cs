using Iomete.Platform.Dapr;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.App.Tests.Dapr;

public sealed class DaprAdaptersRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddDaprAdapters();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddDaprAdapters_ProvidesThePorts_OnTheSidecarTheEnvironmentNames()
    {
        using var provider = Build(new()
        {
            ["DAPR_HTTP_PORT"] = "3601",
            ["DAPR_API_TOKEN"] = "t",
            ["Dapr:PubSubName"] = "events",
            ["Dapr:StateStoreName"] = "state",
        });

        Assert.IsType<DaprEventBus>(provider.GetRequiredService<IEventBus>());
        Assert.IsType<DaprStateStore>(provider.GetRequiredService<IStateStore>());
        Assert.IsType<DaprServiceInvoker>(provider.GetRequiredService<IServiceInvoker>());
        Assert.Equal(new DaprSidecar(new Uri("http://127.0.0.1:3601/"), "t"), provider.GetRequiredService<DaprSidecar>());
        var options = provider.GetRequiredService<IOptions<DaprOptions>>().Value;
        Assert.Equal(("events", "state"), (options.PubSubName, options.StateStoreName));
    }

    [Fact]
    public void DaprSidecar_PrefersDaprHttpEndpoint_OverThePort()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DAPR_HTTP_ENDPOINT"] = "https://dapr.example:3500",
            ["DAPR_HTTP_PORT"] = "3601",
        }).Build();

        Assert.Equal(new Uri("https://dapr.example:3500/"), DaprSidecar.From(configuration).HttpEndpoint);
    }

    [Fact]
    public void AddDaprAdapters_RefusesAnEmptyComponentName()
    {
        using var provider = Build(new() { ["Dapr:PubSubName"] = "" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DaprOptions>>().Value);
    }
}
