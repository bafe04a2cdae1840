using System.Text.Json.Nodes;
using Iomete.Deploy.Tests.Chart.Rendering;
using Iomete.Deploy.Tests.Chart.Validation;
using Iomete.Deploy.Tests.Schemas;

namespace Iomete.Deploy.Tests.Chart;

/// <summary>
/// Renders the chart for each <see cref="ChartMatrix"/> case and checks every object: core kinds against the strict
/// Kubernetes JSON Schemas, CRD kinds against their CRD's openAPIV3Schema, and the other kinds through
/// KubernetesClient's typed models plus required-field assertions.
/// </summary>
public sealed class RenderedChartTests
{
    private static readonly Lazy<ChartRenderer> Renderer = new(() => ChartRenderer.Load());

    internal static IReadOnlyList<RenderedObject> Render(string matrixCase) =>
        RenderedObject.From(Renderer.Value.Render(ChartMatrix.Release, ChartMatrix.Namespace, ChartMatrix.Overrides(matrixCase)));

    [Theory]
    [MemberData(nameof(ChartMatrix.Names), MemberType = typeof(ChartMatrix))]
    public void MatrixValues_ValidateAgainstTheValuesSchema(string matrixCase)
    {
        var values = ValuesSchemaTests.DefaultValues();
        foreach (var (path, value) in ChartMatrix.Overrides(matrixCase))
        {
            var keys = path.Split('.');
            var node = keys[..^1].Aggregate((JsonNode)values, (n, k) => n[k]!);
            node[keys[^1]] = value is string[] list ? new JsonArray(list.Select(s => (JsonNode?)s).ToArray()) : JsonValue.Create(value);
        }
        Assert.Empty(ValuesSchemaTests.Errors(values));
    }

    [Theory]
    [MemberData(nameof(ChartMatrix.Names), MemberType = typeof(ChartMatrix))]
    public void CoreAndCrdKinds_ValidateAgainstTheOfficialSchemas(string matrixCase)
    {
        var objects = Render(matrixCase).Where(o => ManifestSchemas.HasSchema(o.ApiVersion, o.Kind)).ToList();

        Assert.Contains(objects, o => o.Kind == "Deployment");
        foreach (var item in objects)
            ManifestSchemas.Shared.AssertValid(item.Json, item.File);
    }

    [Theory]
    [MemberData(nameof(ChartMatrix.Names), MemberType = typeof(ChartMatrix))]
    public void RbacNetworkPolicyJobKinds_ReadStrictlyByKubernetesClientTypedModels_AndDaprResiliencyByRequiredFieldsOnly_HaveTheirRequiredFields(string matrixCase)
    {
        var objects = Render(matrixCase).Where(o => !ManifestSchemas.HasSchema(o.ApiVersion, o.Kind)).ToList();

        Assert.Contains(objects, o => o.Kind == "Role");
        foreach (var item in objects)
        {
            Assert.True(TypedObjects.Knows(item.ApiVersion, item.Kind), $"{item}: no schema and no typed model for {item.ApiVersion} {item.Kind}");
            var problems = TypedObjects.Problems(item.Kind, item.Yaml, item.Json);
            Assert.True(problems.Count == 0, $"{item}: {string.Join("; ", problems)}\n{item.Yaml}");
        }
    }

    [Theory]
    [MemberData(nameof(ChartMatrix.Names), MemberType = typeof(ChartMatrix))]
    public void EveryObject_HasAUniqueDnsName(string matrixCase)
    {
        var objects = Render(matrixCase);

        var duplicates = objects.GroupBy(o => $"{o.Kind}/{o.Namespace}/{o.Name}").Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        foreach (var item in objects)
        {
            Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", item.Name);
            Assert.True(item.Name.Length <= 63, $"{item}: name longer than 63");
        }
    }

    // Generated objects follow the generator's own labelling (Dapr components double as plain `dapr run` files).
    [Theory]
    [MemberData(nameof(ChartMatrix.Names), MemberType = typeof(ChartMatrix))]
    public void HandWrittenObjects_CarryTheChartsInstanceLabel(string matrixCase)
    {
        foreach (var item in Render(matrixCase).Where(o => !o.File.StartsWith("templates/generated/", StringComparison.Ordinal)))
            Assert.True((string?)item.Json["metadata"]!["labels"]?["app.kubernetes.io/instance"] == ChartMatrix.Release,
                $"{item}: no label app.kubernetes.io/instance={ChartMatrix.Release}");
    }
}
