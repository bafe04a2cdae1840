using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Tests.Kubernetes;

public sealed class SparkResourcesTests
{
    private static readonly Dictionary<string, string> NoConf = [];

    private static SparkPodResources Derive(
        int cpu, int memoryMiB, SparkApplicationType type = SparkApplicationType.Java,
        Dictionary<string, string>? conf = null, SparkRole role = SparkRole.Driver) =>
        SparkResources.Derive(new NodeType("n", cpu, memoryMiB), role, type, conf ?? NoConf);

    [Fact]
    public void Derive_TwoVcpuSixteenGib_GivesThreeCoresAndCpuRequestInMillicores()
    {
        var r = Derive(2000, 16384);
        Assert.Equal(3, r.Cores);
        Assert.Equal("2000m", r.CoreRequest);
    }

    // IOMETE's on-prem default driver node types: 1/2/4/8 vCPU with 8/16/32/64 GiB; executors 2/4/8/16 vCPU.
    [Theory]
    [InlineData(1000, 2)]
    [InlineData(2000, 3)]
    [InlineData(4000, 6)]
    [InlineData(8000, 12)]
    [InlineData(16000, 24)]
    [InlineData(1500, 3)]
    [InlineData(300, 1)]
    [InlineData(100, 1)]
    public void Derive_Cores_AreCeilingOfVcpuTimesOnePointFiveAndAtLeastOne(int millicores, int cores) =>
        Assert.Equal(cores, Derive(millicores, 8192).Cores);

    [Fact]
    public void Derive_JvmSixteenGib_OverheadIsTenPercentOfHeapAndPodFitsNodeType()
    {
        var r = Derive(2000, 16384);
        Assert.Equal(14894, r.MemoryMiB);
        Assert.Equal(1490, r.MemoryOverheadMiB);
        Assert.Equal(16384, r.PodMemoryMiB);
        Assert.Equal("14894m", r.Memory);
        Assert.Equal("1490m", r.MemoryOverhead);
    }

    [Fact]
    public void Derive_PythonSixteenGib_OverheadIsFortyPercentOfHeap()
    {
        var r = Derive(2000, 16384, SparkApplicationType.Python);
        Assert.Equal(11702, r.MemoryMiB);
        Assert.Equal(4682, r.MemoryOverheadMiB);
        Assert.Equal(16384, r.PodMemoryMiB);
    }

    [Theory]
    [InlineData(SparkApplicationType.Java, 1024, 640)]
    [InlineData(SparkApplicationType.Scala, 4096, 3712)]
    [InlineData(SparkApplicationType.Python, 900, 516)]
    [InlineData(SparkApplicationType.Python, 1344, 960)]
    public void Derive_SmallNodeType_KeepsTheMinimumOverheadOf384(SparkApplicationType type, int memory, int heap)
    {
        var r = Derive(1000, memory, type);
        Assert.Equal(384, r.MemoryOverheadMiB);
        Assert.Equal(heap, r.MemoryMiB);
    }

    [Fact]
    public void Derive_IometeCoreFactorOverride_ReplacesOnePointFive() =>
        Assert.Equal(4, Derive(2000, 16384, conf: new() { ["spark.iomete.driver.core.factor"] = "2" }).Cores);

    [Fact]
    public void Derive_IometeCoresOverride_WinsOverTheFactor()
    {
        var conf = new Dictionary<string, string> { ["spark.iomete.executor.cores"] = "7", ["spark.iomete.executor.core.factor"] = "3" };
        Assert.Equal(7, Derive(2000, 16384, conf: conf, role: SparkRole.Executor).Cores);
        Assert.Equal(3, Derive(2000, 16384, conf: conf, role: SparkRole.Driver).Cores);
    }

    [Theory]
    [InlineData("2g", 2048)]
    [InlineData("1536", 1536)]
    [InlineData("512m", 512)]
    [InlineData("1GB", 1024)]
    [InlineData("2097152k", 2048)]
    public void Derive_ExplicitMemoryOverhead_IsTakenAndTheHeapIsTheRest(string overhead, int mib)
    {
        var r = Derive(2000, 16384, conf: new() { ["spark.driver.memoryOverhead"] = overhead });
        Assert.Equal(mib, r.MemoryOverheadMiB);
        Assert.Equal(16384 - mib, r.MemoryMiB);
    }

    [Fact]
    public void Derive_OverheadFactors_RoleSpecificBeatsKubernetesWideBeatsDefault()
    {
        var both = new Dictionary<string, string> { ["spark.executor.memoryOverheadFactor"] = "0.2", ["spark.kubernetes.memoryOverheadFactor"] = "0.6" };
        Assert.Equal(16384 - 13653, Derive(4000, 16384, conf: both, role: SparkRole.Executor).MemoryOverheadMiB);
        Assert.Equal(16384 - 10240, Derive(4000, 16384, conf: both, role: SparkRole.Driver).MemoryOverheadMiB);
    }

    [Theory]
    [InlineData("spark.iomete.driver.core.factor", "abc")]
    [InlineData("spark.iomete.driver.core.factor", "0")]
    [InlineData("spark.iomete.driver.cores", "-1")]
    [InlineData("spark.driver.memoryOverheadFactor", "-0.1")]
    [InlineData("spark.driver.memoryOverhead", "lots")]
    [InlineData("spark.driver.memoryOverhead", "16g")]
    public void Derive_InvalidOverride_IsAValidationError(string key, string value) =>
        Assert.Throws<ValidationException>(() => Derive(2000, 16384, conf: new() { [key] = value }));

    [Fact]
    public void ToSparkConf_ListsTheDerivedSettingsForTheRole()
    {
        var conf = SparkResources.ToSparkConf(Derive(2000, 16384), SparkRole.Executor).ToDictionary();
        Assert.Equal("3", conf["spark.executor.cores"]);
        Assert.Equal("14894m", conf["spark.executor.memory"]);
        Assert.Equal("1490m", conf["spark.executor.memoryOverhead"]);
        Assert.Equal("2000m", conf["spark.kubernetes.executor.request.cores"]);
        Assert.Equal("2000m", conf["spark.kubernetes.executor.limit.cores"]);
    }
}
