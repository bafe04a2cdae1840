using System.Text.Json.Nodes;

namespace Iomete.Deploy.Tests.Schemas;

/// <summary>The schema loader itself: it must reject what the API server would reject, or the other tests prove nothing.</summary>
public sealed class ManifestSchemasTests
{
    private static readonly ManifestSchemas Schemas = ManifestSchemas.Shared;

    [Fact]
    public void A_scaled_object_with_a_misspelt_field_fails_its_crd_schema()
    {
        var good = YamlJson.Parse("""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: worker}
            spec:
              scaleTargetRef: {name: worker}
              triggers:
                - type: cron
                  metadata: {timezone: UTC, start: "0 8 * * *", end: "0 18 * * *", desiredReplicas: "2"}
            """)!;
        Assert.Empty(Schemas.Errors(good));

        var bad = good.DeepClone();
        bad["spec"]!["maxReplicas"] = 3;
        Assert.NotEmpty(Schemas.Errors(bad));
    }

    [Fact]
    public void A_config_map_with_a_non_string_value_fails_the_strict_kubernetes_schema()
    {
        var map = YamlJson.Parse("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: routes}
            data: {a: "1"}
            """)!;
        Assert.Empty(Schemas.Errors(map));
        map["data"]!["a"] = 1;
        Assert.NotEmpty(Schemas.Errors(map));
    }

    [Fact]
    public void A_dapr_subscription_v2alpha1_needs_its_routes()
    {
        var subscription = YamlJson.Parse("""
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata: {name: s}
            spec: {pubsubname: pubsub, topic: t, routes: {default: /api/x}}
            scopes: [iomete-push]
            """)!;
        Assert.Empty(Schemas.Errors(subscription));
        subscription["spec"]!.AsObject().Remove("routes");
        Assert.NotEmpty(Schemas.Errors(subscription));
    }

    [Fact]
    public void Kinds_without_a_spec_schema_are_reported_as_such()
    {
        Assert.False(ManifestSchemas.HasSchema("dapr.io/v1alpha1", "Resiliency"));
        Assert.Null(Schemas.Find("rbac.authorization.k8s.io/v1", "Role"));
        Assert.True(ManifestSchemas.HasSchema("http.keda.sh/v1alpha1", "HTTPScaledObject"));
    }

    [Fact]
    public void Multi_document_yaml_yields_every_non_empty_document()
    {
        var documents = YamlJson.ParseAll("a: 1\n---\n---\nb: two\n");
        Assert.Equal(2, documents.Count);
        Assert.Equal("two", (string?)documents[1]["b"]);
        Assert.IsType<JsonObject>(documents[0]);
    }
}
