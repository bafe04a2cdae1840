using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.SparkHistory;
using Iomete.Functions.Clusters.Tests.Schemas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Tests.SparkHistory;

/// <summary>Contract tests: the history server's manifests, the event-log settings of built applications, and application ids.</summary>
public sealed class SparkHistoryManifestContractTests
{
    private static HistoryServerDefinition Definition(string? credentials) => new()
    {
        Namespace = "iomete-system",
        Image = "apache/spark:3.5.5",
        LogDirectory = "s3a://lakehouse/iomete-assets/spark-history/",
        HadoopConf = new Dictionary<string, string> { ["fs.s3a.endpoint"] = "http://minio:9000", ["fs.s3a.path.style.access"] = "true" },
        CredentialsSecret = credentials,
    };

    [Theory]
    [InlineData(null)]
    [InlineData("iomete-spark-history-s3")]
    public void HistoryServer_ValidatesAgainstDeploymentAndServiceSchemas_AndServesUnderTheProxyPath(string? credentials)
    {
        var manifests = HistoryServerManifests.Build(Definition(credentials));
        KubernetesSchemas.AssertValid(KubernetesSchemas.Deployment, manifests.Deployment);
        KubernetesSchemas.AssertValid(KubernetesSchemas.Service, manifests.Service);
        var env = manifests.Deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        var opts = env.Single(e => e!["name"]!.GetValue<string>() == "SPARK_HISTORY_OPTS")!["value"]!.GetValue<string>();
        Assert.Contains("-Dspark.history.fs.logDirectory=s3a://lakehouse/iomete-assets/spark-history/", opts, StringComparison.Ordinal);
        Assert.Contains("-Dspark.ui.proxyBase=/spark-history", opts, StringComparison.Ordinal);
        Assert.Contains("-Dspark.hadoop.fs.s3a.path.style.access=true", opts, StringComparison.Ordinal);
        Assert.Equal(credentials is null ? 0 : 2, env.Count(e => e!["valueFrom"] is not null));
        Assert.All(env.Where(e => e!["valueFrom"] is not null), e => Assert.Equal(credentials, e!["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void BuiltApplications_WithAnEventLog_WriteItWhereTheHistoryServerReads_AndStayValid()
    {
        var started = new DateTimeOffset(2026, 11, 28, 21, 0, 0, TimeSpan.Zero);
        var definition = Kubernetes.Definitions.Compute("cc-history") with { EventLog = new SparkEventLog("s3a://lakehouse/iomete-assets/spark-history/", started) };
        var application = SparkApplicationBuilder.Build(definition);
        KubernetesSchemas.AssertValid(KubernetesSchemas.SparkApplication, application);
        var conf = application["spec"]!["sparkConf"]!;
        Assert.Equal("true", conf["spark.eventLog.enabled"]!.GetValue<string>());
        Assert.Equal("s3a://lakehouse/iomete-assets/spark-history/", conf["spark.eventLog.dir"]!.GetValue<string>());
        var appId = conf["spark.app.id"]!.GetValue<string>();
        Assert.Equal($"/spark-ui/{appId}", conf["spark.ui.proxyBase"]!.GetValue<string>());
        Assert.True(SparkAppIds.TryParse(appId, out var type, out var resourceId));
        Assert.Equal((ManagedResourceType.Compute, definition.ResourceId), (type, resourceId));

        var without = SparkApplicationBuilder.Build(Kubernetes.Definitions.Compute("cc-plain"));
        Assert.Null(without["spec"]!["sparkConf"]!["spark.eventLog.enabled"]);
    }

    [Fact]
    public void AppIds_RoundTrip_AreLabelValues_AndForeignIdsAreNotOurs()
    {
        var resourceId = Guid.CreateVersion7().ToString();
        var id = SparkAppIds.For(ManagedResourceType.SparkJob, resourceId, DateTimeOffset.UtcNow);
        Assert.True(id.Length <= 63, id);
        Assert.True(SparkAppIds.TryParse(id, out var type, out var parsed));
        Assert.Equal((ManagedResourceType.SparkJob, resourceId), (type, parsed));
        Assert.NotEqual(id, SparkAppIds.For(ManagedResourceType.SparkJob, resourceId, DateTimeOffset.UtcNow.AddSeconds(1)));
        foreach (var foreign in new[] { "spark-0d4f6b6a9c2e4f0b8a1d", "app-20261128210000-0001", "", "c-", "x-abc-1" })
            Assert.False(SparkAppIds.TryParse(foreign, out _, out _), foreign);
    }

    [Fact]
    public void Location_DerivesTheEventLogFolderAndS3SettingsFromThePlatformStore()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Iomete:Storage:S3:Bucket"] = "lakehouse", ["Iomete:Storage:S3:Prefix"] = "warehouse/",
            ["Iomete:Storage:S3:ServiceUrl"] = "http://minio:9000", ["Iomete:Storage:S3:AccessKey"] = "ak", ["Iomete:Storage:S3:SecretKey"] = "sk",
        }).Build();
        var location = new SparkHistoryLocation(configuration, Options.Create(new SparkHistoryOptions()), Options.Create(new ClustersOptions()),
            Options.Create(new DataPlaneOptions()));
        Assert.Equal("s3a://lakehouse/warehouse/iomete-assets/spark-history/", location.EventLogDirectory);
        Assert.Equal("http://minio:9000", location.HadoopConf["fs.s3a.endpoint"]);
        Assert.Equal("true", location.HadoopConf["fs.s3a.path.style.access"]);
        Assert.Equal(("ak", "sk"), location.Credentials);
        Assert.Throws<Iomete.Platform.Errors.ConflictException>(() => location.RequireHistoryUrl());

        var bare = new SparkHistoryLocation(new ConfigurationBuilder().Build(), Options.Create(new SparkHistoryOptions()), Options.Create(new ClustersOptions()),
            Options.Create(new DataPlaneOptions { ApiServer = "in-cluster" }));
        Assert.Null(bare.EventLogFor(DateTimeOffset.UtcNow));
        Assert.Equal(new Uri("http://iomete-spark-history.iomete-system.svc.cluster.local:18080/"), bare.RequireHistoryUrl());
        Assert.Throws<Iomete.Platform.Errors.ConflictException>(() => bare.RequireDefinition(null));
    }
}
