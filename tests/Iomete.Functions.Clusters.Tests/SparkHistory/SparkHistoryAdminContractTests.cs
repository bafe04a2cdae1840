using System.Net;
using System.Text;
using Iomete.Functions.Clusters.Tests.DataPlane;
using Iomete.Functions.Clusters.Tests.Jupyter;
using Iomete.Testing;

namespace Iomete.Functions.Clusters.Tests.SparkHistory;

/// <summary>Contract tests: deploying the history server through the admin routes onto the schema-checking stand-in.</summary>
public sealed class SparkHistoryAdminContractTests
{
    private const string Route = "/api/v1/admin/spark-history-server";

    [Fact]
    public async Task Put_DeploysIt_WithThePlatformsS3Store_Get_ReportsReadiness_Delete_RemovesIt()
    {
        await using var kube = await FakeKubeApiServer.StartAsync();
        await using var platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Iomete:Kubernetes:ApiServer"] = kube.Address.ToString(),
            ["Iomete:Clusters:Namespaces:0"] = "spark",
            ["Iomete:Storage:S3:Bucket"] = "lakehouse",
            ["Iomete:Storage:S3:ServiceUrl"] = "http://minio.storage:9000",
            ["Iomete:Storage:S3:AccessKey"] = "access",
            ["Iomete:Storage:S3:SecretKey"] = "secret",
        });
        using var admin = await platform.LoginAsync();

        var deployed = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Route);
        Assert.True(deployed.GetProperty("deployed").GetBoolean());
        Assert.Equal("s3a://lakehouse/iomete-assets/spark-history/", deployed.Str("logDirectory"));
        Assert.Empty(kube.Errors);
        var deployment = kube.Deployment("spark", "iomete-spark-history")!;
        Assert.Contains("fs.s3a.endpoint=http://minio.storage:9000", deployment.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.ToJsonString().Replace("secretKeyRef", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var keys = kube.Secret("spark", "iomete-spark-history-s3")!;
        Assert.Equal("secret", Encoding.UTF8.GetString(Convert.FromBase64String(keys["data"]!["AWS_SECRET_ACCESS_KEY"]!.GetValue<string>())));
        Assert.NotNull(kube.Service("spark", "iomete-spark-history"));

        kube.SetDeploymentStatus("spark", "iomete-spark-history", 1);
        Assert.True((await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Route)).GetProperty("ready").GetBoolean());
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Route);

        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, Route);
        Assert.Null(kube.Deployment("spark", "iomete-spark-history"));
        Assert.Null(kube.Service("spark", "iomete-spark-history"));
        Assert.Null(kube.Secret("spark", "iomete-spark-history-s3"));
        using var anonymous = platform.Anonymous();
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Put, Route);
    }

    [Fact]
    public async Task WithoutADataPlane_DeployAndTheProxiesSayWhatToConfigure()
    {
        await using var platform = await LocalPlatform.StartAsync(new Dictionary<string, string?> { ["Iomete:Storage:S3:Bucket"] = "lakehouse" });
        using var admin = await platform.LoginAsync();
        await admin.ExpectProblemAsync(HttpStatusCode.Conflict, "DATA_PLANE_NOT_CONFIGURED", HttpMethod.Put, Route);
        var problem = await admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Get, "/spark-history/");
        Assert.Contains("SparkHistoryUrl", problem.Str("detail"), StringComparison.Ordinal);
    }
}
