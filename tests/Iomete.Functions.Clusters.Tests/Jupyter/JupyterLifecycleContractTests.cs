using System.Net;
using System.Text;
using Iomete.Functions.Clusters.Tests.Schemas;
using Iomete.Functions.Clusters.Tests.Wiring;

namespace Iomete.Functions.Clusters.Tests.Jupyter;

/// <summary>Contract tests: the Jupyter container API against the Kubernetes stand-in; states follow the Deployment.</summary>
public sealed class JupyterLifecycleContractTests(JupyterFixture fixture) : IClassFixture<JupyterFixture>
{
    private const string Root = JupyterFixture.Root;
    private const string Ns = JupyterFixture.Namespace;

    [Fact]
    public async Task CreateAndConfigure_WithAnUnknownSecretKey_Are400NamingIt()
    {
        var secrets = new[] { new { key = "API_KEY", secretObject = new { key = "no-such-secret", source = new { type = "KUBERNETES", id = "default" } } } };
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root, new
        {
            name = JupyterFixture.Unique("nb"), resourceBundleId = fixture.BundleId, @namespace = Ns, nodeType = "driver-small", envSecrets = secrets,
        });
        Assert.Contains("no-such-secret", problem.GetRawText(), StringComparison.Ordinal);

        var created = await fixture.CreateAsync();
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{created.Str("id")}/terminate");
        var refused = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put,
            $"{Root}/{created.Str("id")}", new { envSecrets = secrets });
        Assert.Contains("no-such-secret", refused.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DeploysSchemaValidObjects_AndAReadyDeploymentMakesItActive()
    {
        var name = JupyterFixture.Unique("nb");
        await TestSecrets.EnsureAsync(fixture.Admin, JupyterFixture.Domain, "s3-secret");
        var created = await fixture.CreateAsync(name: name, extra: new
        {
            volumeId = fixture.VolumeName,
            envVars = new Dictionary<string, string> { ["GRANT_SUDO"] = "no" },
            envSecrets = new[] { new { key = "AWS_SECRET_ACCESS_KEY", secretObject = new { key = "s3-secret", source = new { type = "KUBERNETES", id = "default" } } } },
            jupyterArgs = new[] { "--ServerApp.terminals_enabled=False" },
            resourceTags = new[] { new { key = "team", value = "data-science" } },
        });
        Assert.Equal("STARTING", created.Str("status"));
        Assert.Equal($"/data-plane/{Ns}/jupyter/{name}/", created.Str("baseUrl"));
        var objectName = "jc-" + name;

        var deployment = fixture.Kube.Deployment(Ns, objectName)!;
        var service = fixture.Kube.Service(Ns, objectName)!;
        var secret = fixture.Kube.Secret(Ns, objectName + "-token")!;
        KubernetesSchemas.AssertValid(KubernetesSchemas.Deployment, deployment);
        KubernetesSchemas.AssertValid(KubernetesSchemas.Service, service);
        KubernetesSchemas.AssertValid(KubernetesSchemas.Secret, secret);
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var args = container["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains($"--ServerApp.base_url=/data-plane/{Ns}/jupyter/{name}/", args);
        Assert.Equal("--ServerApp.terminals_enabled=False", args[^1]);
        Assert.Equal("nfs.internal", deployment["spec"]!["template"]!["spec"]!["volumes"]![0]!["nfs"]!["server"]!.GetValue<string>());
        Assert.Equal("data-science", deployment["metadata"]!["labels"]!["team"]!.GetValue<string>());
        // KubernetesClient sends quantities in canonical form: 1000m is 1.
        Assert.Equal("1", container["resources"]!["limits"]!["cpu"]!.GetValue<string>());
        Assert.Contains(container["env"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "AWS_SECRET_ACCESS_KEY"
            && e["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>() == "iomete-secret-store-default");

        fixture.Kube.SetDeploymentStatus(Ns, objectName, 1, ("Available", "True", "MinimumReplicasAvailable", "ready"));
        var active = await fixture.WaitForStatusAsync(created.Str("id"), "ACTIVE");
        Assert.False(active.TryGetProperty("statusMessage", out var message) && message.ValueKind != System.Text.Json.JsonValueKind.Null);

        // The owner gets the token the container was given, and the URL through the gateway.
        var connection = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{created.Str("id")}/connection");
        var token = Encoding.UTF8.GetString(Convert.FromBase64String(fixture.Kube.Secret(Ns, objectName + "-token")!["data"]!["token"]!.GetValue<string>()));
        Assert.Equal(token, connection.Str("token"));
        Assert.Equal($"https://iomete.example.com/data-plane/{Ns}/jupyter/{name}/lab?token={token}", connection.Str("url"));
    }

    [Fact]
    public async Task AFailedCondition_MakesItFailed_AndStartDeploysItAgain()
    {
        var created = await fixture.CreateAsync();
        var id = created.Str("id");
        var objectName = "jc-" + created.Str("name");
        fixture.Kube.SetDeploymentStatus(Ns, objectName, 0, ("Progressing", "False", "ProgressDeadlineExceeded", "ReplicaSet has timed out progressing."));
        var failed = await fixture.WaitForStatusAsync(id, "FAILED");
        Assert.Contains("ProgressDeadlineExceeded", failed.Str("statusMessage"), StringComparison.Ordinal);

        var restarted = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/start");
        Assert.Equal("STARTING", restarted.Str("status"));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{Root}/{id}/start");
    }

    [Fact]
    public async Task AnActiveContainerWhoseDeploymentIsDeletedOnTheDataPlane_IsStopped()
    {
        var created = await fixture.CreateAsync();
        var id = created.Str("id");
        var objectName = "jc-" + created.Str("name");
        fixture.Kube.SetDeploymentStatus(Ns, objectName, 1);
        await fixture.WaitForStatusAsync(id, "ACTIVE");
        using var kubectl = new HttpClient { BaseAddress = fixture.Kube.Address };
        using var deleted = await kubectl.DeleteAsync(new Uri($"/apis/apps/v1/namespaces/{Ns}/deployments/{objectName}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var stopped = await fixture.WaitForStatusAsync(id, "STOPPED");
        Assert.Contains("deleted", stopped.Str("statusMessage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACrashLoopingPod_MakesItFailed()
    {
        var created = await fixture.CreateAsync();
        var id = created.Str("id");
        fixture.Kube.SetPod(Ns, $"jc-{created.Str("name")}-7d9f-x2", new Dictionary<string, string>
        {
            ["iomete.com/resource-type"] = "jupyter", ["iomete.com/resource-id"] = id,
        }, "CrashLoopBackOff");
        var failed = await fixture.WaitForStatusAsync(id, "FAILED");
        Assert.Contains("CrashLoopBackOff", failed.Str("statusMessage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_DeletesDeploymentServiceAndToken_ThenConfigureAndStartWork()
    {
        var created = await fixture.CreateAsync();
        var id = created.Str("id");
        var objectName = "jc-" + created.Str("name");
        fixture.Kube.SetDeploymentStatus(Ns, objectName, 1);
        await fixture.WaitForStatusAsync(id, "ACTIVE");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Put, $"{Root}/{id}", new { nodeType = "driver-medium" });

        var stopped = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/terminate");
        Assert.Equal("STOPPED", stopped.Str("status"));
        Assert.Null(fixture.Kube.Deployment(Ns, objectName));
        Assert.Null(fixture.Kube.Service(Ns, objectName));
        Assert.Null(fixture.Kube.Secret(Ns, objectName + "-token"));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Get, $"{Root}/{id}/connection");
        await Task.Delay(300);
        Assert.Equal("STOPPED", (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}")).Str("status"));

        var configured = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root}/{id}",
            new { version = stopped.GetProperty("version").GetInt64(), nodeType = "driver-medium", jupyterArgs = new[] { "--ServerApp.terminals_enabled=False" } });
        Assert.Equal("driver-medium", configured.Str("nodeType"));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Put, $"{Root}/{id}",
            new { version = stopped.GetProperty("version").GetInt64(), nodeType = "driver-large" });

        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/start");
        var redeployed = fixture.Kube.Deployment(Ns, objectName)!;
        Assert.Equal("2", redeployed["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!["requests"]!["cpu"]!.GetValue<string>());
        fixture.Kube.SetDeploymentStatus(Ns, objectName, 1);
        await fixture.WaitForStatusAsync(id, "ACTIVE");

        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root}/{id}");
        Assert.Null(fixture.Kube.Deployment(Ns, objectName));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Root}/{id}");
    }

    [Fact]
    public async Task Create_RefusesWhatThePlatformOwnsOrCannotRun()
    {
        var cases = new (string Field, object Extra)[]
        {
            ("jupyterArgs", new { jupyterArgs = new[] { "--ServerApp.base_url=/elsewhere/" } }),
            ("jupyterArgs", new { jupyterArgs = new[] { "--IdentityProvider.token=guess" } }),
            ("nodeType", new { nodeType = "exec-small" }),
            ("nodeType", new { nodeType = "no-such-type" }),
            ("namespace", new { @namespace = "kube-system" }),
            ("envVars", new { envVars = new Dictionary<string, string> { ["JUPYTER_TOKEN"] = "x" } }),
            ("volumeId", new { volumeId = "no-such-volume" }),
            ("resourceTags", new { resourceTags = new[] { new { key = "iomete.com/managed", value = "false" } } }),
        };
        foreach (var (field, extra) in cases)
        {
            var body = new Dictionary<string, object?> { ["name"] = JupyterFixture.Unique("bad"), ["resourceBundleId"] = fixture.BundleId, ["nodeType"] = "driver-small" };
            foreach (var property in extra.GetType().GetProperties())
                body[property.Name] = property.GetValue(extra);
            var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root, body);
            Assert.Contains(field, problem.GetRawText(), StringComparison.Ordinal);
        }
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root,
            new { name = "Not_A_Label", resourceBundleId = fixture.BundleId, nodeType = "driver-small" });
        var name = JupyterFixture.Unique("dup");
        await fixture.CreateAsync(name: name);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, Root,
            new { name, resourceBundleId = fixture.BundleId, @namespace = Ns, nodeType = "driver-small" });
    }
}
