using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.Tests.Schemas;

namespace Iomete.Functions.Clusters.Tests.Kubernetes;

/// <summary>
/// Contract tests: every generated SparkApplication validates against the spark-operator v2.5.2 CRD (v1beta2), and
/// every compute cluster's driver Service against the Kubernetes v1.32.2 Service schema, for all option combinations.
/// </summary>
public sealed class SparkApplicationContractTests
{
    public static TheoryData<ManagedResourceType, SparkApplicationType> Kinds()
    {
        var data = new TheoryData<ManagedResourceType, SparkApplicationType>();
        foreach (var resourceType in new[] { ManagedResourceType.Compute, ManagedResourceType.SparkJob })
        foreach (var type in Enum.GetValues<SparkApplicationType>())
            data.Add(resourceType, type);
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Contract_EveryOptionCombination_ValidatesAgainstSparkApplicationCrd(ManagedResourceType resourceType, SparkApplicationType type)
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (label, definition) in ManifestMatrix.Applications(resourceType, type))
        {
            count++;
            var errors = KubernetesSchemas.Errors(KubernetesSchemas.SparkApplication, SparkApplicationBuilder.Build(definition));
            if (errors.Count > 0)
                failures.Add($"{label}: {string.Join("; ", errors.Take(5))}");
        }
        var expected = ManifestMatrix.Deployments.Length * ManifestMatrix.RestartPolicies.Length * 2 * 2 * ManifestMatrix.Volumes.Length * 2
                       * (resourceType == ManagedResourceType.Compute ? ManifestMatrix.ComputeServerOptions.Length : 1);
        Assert.Equal(expected, count);
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} invalid:\n{string.Join("\n", failures.Take(10))}");
    }

    [Fact]
    public void Contract_DriverServiceForEveryServerCombination_ValidatesAgainstServiceSchema()
    {
        var count = 0;
        foreach (var hive in new[] { false, true })
        foreach (var connect in new[] { false, true })
        foreach (var flight in new[] { false, true })
        foreach (var extras in new[] { false, true })
        {
            if (!hive && !connect && !flight)
                continue;
            var definition = Definitions.Compute() with { ComputeServers = new ComputeServers(hive, connect, flight) };
            if (extras)
                definition = ManifestMatrix.WithExtras(definition);
            var service = DriverServiceBuilder.Build(definition);
            KubernetesSchemas.AssertValid(KubernetesSchemas.Service, service, $"hive={hive} connect={connect} flight={flight} extras={extras}");
            Assert.Equal(new[] { hive, connect, flight }.Count(b => b), service["spec"]!["ports"]!.AsArray().Count);
            count++;
        }
        Assert.Equal(14, count);
    }
}
