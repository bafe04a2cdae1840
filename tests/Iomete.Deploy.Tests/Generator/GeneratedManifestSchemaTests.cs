using System.Text.Json.Nodes;
using Iomete.Deploy.Tests.Chart;
using Iomete.Deploy.Tests.Schemas;

namespace Iomete.Deploy.Tests.Generator;

/// <summary>
/// Every object the generator writes validates against the official schema of its kind (Kubernetes' strict JSON Schemas,
/// the KEDA, HTTP add-on and Dapr CRDs), for the default values and a matrix of switches.
/// </summary>
public sealed class GeneratedManifestSchemaTests
{
    private static readonly ManifestSchemas Schemas = ManifestSchemas.Shared;

    public static TheoryData<string> Matrix => ChartMatrix.Names();

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_rendered_chart_object_validates_against_its_official_schema(string values)
    {
        var objects = GeneratedOutput.RenderedObjects(values);
        Assert.NotEmpty(objects);
        foreach (var (file, manifest) in objects)
        {
            var (apiVersion, kind) = ManifestSchemas.KindOf(manifest);
            if (kind == "Resiliency")
                AssertResiliency(manifest);
            else
                Schemas.AssertValid(manifest, $"{file} with {values} values:");
            Assert.True(kind == "Resiliency" || ManifestSchemas.HasSchema(apiVersion, kind), $"{file}: {apiVersion} {kind} has no schema to check against");
        }
    }

    [Fact]
    public void Defaults_render_every_kind_the_generator_promises()
    {
        var kinds = GeneratedOutput.RenderedObjects("defaults").Select(o => ManifestSchemas.KindOf(o.Manifest)).ToHashSet();
        Assert.Superset(new HashSet<(string, string)>
        {
            ("apps/v1", "Deployment"), ("v1", "Service"), ("v1", "ConfigMap"),
            ("http.keda.sh/v1alpha1", "HTTPScaledObject"), ("keda.sh/v1alpha1", "ScaledObject"), ("keda.sh/v1alpha1", "TriggerAuthentication"),
            ("dapr.io/v1alpha1", "Component"), ("dapr.io/v2alpha1", "Subscription"), ("dapr.io/v1alpha1", "Resiliency"),
        }, kinds);
    }

    [Fact]
    public void Switching_keda_and_dapr_off_drops_their_objects()
    {
        var kinds = GeneratedOutput.RenderedObjects("own secrets, keys, tls, oidc, no network policies, no dapr").Select(o => ManifestSchemas.KindOf(o.Manifest).Kind).ToHashSet();
        Assert.Equal(["ConfigMap", "Deployment", "Service"], kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_components_object_validates_against_its_official_schema()
    {
        var objects = GeneratedOutput.ComponentObjects();
        Assert.Contains(objects, o => (string?)o.Manifest["kind"] == "Subscription");
        foreach (var (file, manifest) in objects)
        {
            if ((string?)manifest["kind"] == "Resiliency")
                AssertResiliency(manifest);
            else
                Schemas.AssertValid(manifest, file);
        }
    }

    /// <summary>
    /// Dapr Resiliency has no CRD in the specs (the Dapr chart ships none) and KubernetesClient has no model of it:
    /// check its required fields and that every target names a policy that exists.
    /// </summary>
    private static void AssertResiliency(JsonNode resiliency)
    {
        Assert.Equal("dapr.io/v1alpha1", (string?)resiliency["apiVersion"]);
        Assert.False(string.IsNullOrEmpty((string?)resiliency["metadata"]?["name"]));
        var policies = resiliency["spec"]!["policies"]!.AsObject();
        var names = new Dictionary<string, HashSet<string>>
        {
            ["timeout"] = policies["timeouts"]!.AsObject().Select(p => p.Key).ToHashSet(),
            ["retry"] = policies["retries"]!.AsObject().Select(p => p.Key).ToHashSet(),
            ["circuitBreaker"] = policies["circuitBreakers"]!.AsObject().Select(p => p.Key).ToHashSet(),
        };
        var targets = resiliency["spec"]!["targets"]!.AsObject();
        var references = targets["apps"]!.AsObject().Select(a => a.Value!.AsObject())
            .Concat(targets["components"]!.AsObject().SelectMany(c => c.Value!.AsObject().Select(d => d.Value!.AsObject())))
            .SelectMany(t => t)
            .ToList();
        Assert.NotEmpty(references);
        foreach (var (kind, policy) in references)
            Assert.True(names.TryGetValue(kind, out var defined) && defined.Contains((string)policy!), $"Resiliency target uses undefined {kind} policy '{policy}'");
    }
}
