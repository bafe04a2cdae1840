using Iomete.Functions.Clusters.Kubernetes;

namespace Iomete.Functions.Clusters.Tests.Kubernetes;

/// <summary>Definitions for tests: IOMETE's on-prem default node types and a minimal valid application.</summary>
internal static class Definitions
{
    public static NodeType DriverMedium { get; } = new("driver-medium", 2000, 16 * 1024);
    public static NodeType ExecutorMedium { get; } = new("exec-medium", 4000, 32 * 1024);

    public static SparkApplicationDefinition Compute(string name = "cc-analytics") => new()
    {
        Name = name,
        Namespace = "iomete-compute",
        ResourceType = ManagedResourceType.Compute,
        ResourceId = "c-0193a7b2",
        Domain = "finance",
        Type = SparkApplicationType.Java,
        Image = "iomete/spark:3.5.5-v3",
        MainApplicationFile = "spark-internal",
        MainClass = "com.iomete.lakehouse.LakehouseServer",
        SparkVersion = "3.5.5",
        DriverNodeType = DriverMedium,
        ExecutorNodeType = ExecutorMedium,
        Deployment = SparkDeployment.MultiNode(0, 4),
    };

    public static SparkApplicationDefinition Job(SparkApplicationType type = SparkApplicationType.Python) => Compute("job-nightly-etl-r42") with
    {
        ResourceType = ManagedResourceType.SparkJob,
        ResourceId = "run-42",
        Type = type,
        MainApplicationFile = type == SparkApplicationType.Python ? "s3a://jobs/etl/main.py" : "local:///opt/jobs/etl.jar",
        MainClass = type == SparkApplicationType.Python ? null : "com.example.Etl",
        Deployment = SparkDeployment.MultiNode(2, 2),
    };

    public static JupyterDefinition Jupyter() => new()
    {
        Name = "jupyter-alice",
        Namespace = "iomete-compute",
        ResourceId = "jc-7",
        Domain = "finance",
        Image = "iomete/jupyter:latest",
        NodeType = DriverMedium,
        BaseUrl = "/jupyter/finance/jupyter-alice/",
        Token = new SecretKeyReference("jupyter-alice-token", "token"),
    };
}
