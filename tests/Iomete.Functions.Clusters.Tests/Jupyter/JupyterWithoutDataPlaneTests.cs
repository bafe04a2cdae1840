using System.Net;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.Tests.Schemas;
using Iomete.Testing;

namespace Iomete.Functions.Clusters.Tests.Jupyter;

public sealed class JupyterWithoutDataPlaneTests
{
    [Fact]
    public async Task CreateWithoutADataPlane_Is409DataPlaneNotConfigured_AndLeavesNothing()
    {
        await using var platform = await LocalPlatform.StartAsync();
        using var admin = await platform.LoginAsync();
        var me = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        var bundle = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = JupyterFixture.Unique("b"), domain = "default", owner = new { id = me.Str("id"), type = "USER" } });
        var problem = await admin.ExpectProblemAsync(HttpStatusCode.Conflict, "DATA_PLANE_NOT_CONFIGURED", HttpMethod.Post, JupyterFixture.Root,
            new { name = "nb", resourceBundleId = bundle.Str("id"), nodeType = "driver-small" });
        Assert.Contains("Iomete:Kubernetes:ApiServer", problem.Str("detail"), StringComparison.Ordinal);
        var list = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, JupyterFixture.Root);
        Assert.Equal(0, list.GetProperty("total").GetInt64());
    }

    [Fact]
    public void TheTokenSecret_IsAValidSecret_ThatTheDeploymentReads()
    {
        var definition = Kubernetes.Definitions.Jupyter();
        var secret = JupyterTokenSecret.Build(definition, "abc123");
        KubernetesSchemas.AssertValid(KubernetesSchemas.Secret, secret);
        Assert.Equal(definition.Token.SecretName, secret["metadata"]!["name"]!.GetValue<string>());
        var env = JupyterManifests.Build(definition).Deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Contains(env, e => e!["valueFrom"]?["secretKeyRef"]?["name"]?.GetValue<string>() == definition.Token.SecretName);
    }
}
