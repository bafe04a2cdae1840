using System.Globalization;
using Iomete.Platform.Data;
using Iomete.Platform.Messaging;
using Iomete.Platform.Storage;
using k8s;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Health.Probes;

/// <summary>
/// The components this platform has, in display order: the always-present ones, then those configured here (a Kubernetes
/// API server, a Dapr sidecar), then any <see cref="IHealthProbe"/> another service registers. Unconfigured ones are not
/// listed at all.
/// </summary>
public sealed class ProbeCatalog
{
    public const string KubernetesApiServerKey = "Iomete:Kubernetes:ApiServer";
    public const string DaprHttpPortKey = "DAPR_HTTP_PORT";

    public ProbeCatalog(IServiceProvider services, IConfiguration configuration, IOptions<HealthOptions> options)
    {
        var probes = new List<IHealthProbe>
        {
            new MetadataDbProbe(services.GetRequiredService<IMetadataDb>(), services.GetServices<ServiceDatabase>()),
            new ObjectStorageProbe(services.GetRequiredService<IObjectStore>()),
            new EmbeddedEngineProbe(),
        };
        if (services.GetService<DurableTaskClient>() is { } durable)
        {
            probes.Add(new WorkflowsProbe(durable));
        }
        var invoker = services.GetRequiredService<IServiceInvoker>();
        probes.AddRange(options.Value.ProbedApps().Select(app => new FunctionAppProbe(invoker, app)));
        if (!string.IsNullOrWhiteSpace(configuration[KubernetesApiServerKey]))
        {
            var client = new Lazy<IKubernetes>(() => services.GetService<IKubernetes>() ?? CreateKubernetes(configuration));
            probes.Add(new KubernetesApiProbe(() => client.Value));
            probes.Add(new SparkOperatorProbe(() => client.Value));
        }
        if (int.TryParse(configuration[DaprHttpPortKey], NumberStyles.None, CultureInfo.InvariantCulture, out var daprPort) && daprPort is > 0 and < 65536)
        {
            probes.Add(new DaprSidecarProbe(services.GetRequiredService<IHttpClientFactory>(), daprPort));
        }
        foreach (var extra in services.GetServices<IHealthProbe>())
        {
            if (probes.All(p => p.Component != extra.Component))
            {
                probes.Add(extra);
            }
        }
        All = probes;
    }

    /// <summary>A fixed list (tests).</summary>
    internal ProbeCatalog(IReadOnlyList<IHealthProbe> probes) => All = probes;

    public IReadOnlyList<IHealthProbe> All { get; }

    public IHealthProbe? Find(string component) => All.FirstOrDefault(p => p.Component == component);

    /// <summary>The same client the clusters service builds from <c>Iomete:Kubernetes</c>, for a host without it.</summary>
    private static k8s.Kubernetes CreateKubernetes(IConfiguration configuration)
    {
        var server = configuration[KubernetesApiServerKey]!;
        var config = server == "in-cluster"
            ? KubernetesClientConfiguration.InClusterConfig()
            : new KubernetesClientConfiguration
            {
                Host = server,
                AccessToken = configuration["Iomete:Kubernetes:Token"],
                SkipTlsVerify = bool.TryParse(configuration["Iomete:Kubernetes:SkipTlsVerify"], out var skip) && skip,
            };
        return new k8s.Kubernetes(config);
    }
}
