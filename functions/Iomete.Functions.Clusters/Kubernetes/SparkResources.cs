using System.Globalization;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>The Spark settings one driver or executor pod gets from its node type.</summary>
public sealed record SparkPodResources(int Cores, int CpuMillicores, int MemoryMiB, int MemoryOverheadMiB)
{
    /// <summary>Kubernetes CPU request and limit: the node type's millicores.</summary>
    public string CoreRequest => $"{CpuMillicores.ToString(CultureInfo.InvariantCulture)}m";

    /// <summary>The JVM heap (<c>spark.{role}.memory</c>) in Spark's notation.</summary>
    public string Memory => $"{MemoryMiB.ToString(CultureInfo.InvariantCulture)}m";

    public string MemoryOverhead => $"{MemoryOverheadMiB.ToString(CultureInfo.InvariantCulture)}m";

    /// <summary>What the pod asks Kubernetes for: heap plus overhead, never more than the node type's memory.</summary>
    public int PodMemoryMiB => MemoryMiB + MemoryOverheadMiB;
}

/// <summary>
/// Turns a node type into Spark resources by IOMETE's documented formulas
/// (iomete-features.md §2.3, from IOMETE's "node types: internal implementation" page).
/// <list type="bullet">
/// <item><b>Cores</b>: <c>spark.{role}.cores = max(ceil(vCPU × coreFactor), 1)</c> with vCPU = millicores / 1000 and
/// coreFactor 1.5 unless <c>spark.iomete.{role}.core.factor</c> says otherwise; <c>spark.iomete.{role}.cores</c>
/// replaces the result outright. Spark cores are task slots, not a CPU reservation, so over-subscribing by 1.5
/// keeps the CPU busy while tasks wait on I/O. Computed in decimal so 2 vCPU × 1.5 is exactly 3.</item>
/// <item><b>CPU request and limit</b>: <c>{millicores}m</c>, so the pod reserves exactly the node type.</item>
/// <item><b>Overhead factor</b>: 0.1 for JVM (Java, Scala) and 0.4 for Python applications (Spark's own defaults;
/// Python workers live outside the heap). <c>spark.{role}.memoryOverheadFactor</c> overrides it, then the legacy
/// <c>spark.kubernetes.memoryOverheadFactor</c>. <c>spark.{role}.memoryOverhead</c> (MiB, or with a k/m/g/t unit)
/// fixes the overhead instead (taken as given, as Spark does). Minimum derived overhead 384 MiB, as in Spark.</item>
/// <item><b>Memory</b>: Spark sizes the pod as heap + overhead with overhead = max(factor × heap, 384). The node type
/// is the pod, so we solve for the heap: heap = floor(M / (1 + factor)) when factor × heap reaches 384, else
/// heap = M − 384; the overhead is then M − heap (so rounding lands in the overhead and the pod is exactly M MiB).
/// A fixed overhead O gives heap = M − O. Example: 16 GiB JVM → heap 14894 MiB, overhead 1490 MiB; 16 GiB Python →
/// heap 11702 MiB, overhead 4682 MiB. The overhead is always written out explicitly, so Spark does not recompute it
/// from the heap and round the pod past the node type.</item>
/// </list>
/// </summary>
public static class SparkResources
{
    public const decimal DefaultCoreFactor = 1.5m;
    public const decimal JvmOverheadFactor = 0.1m;
    public const decimal PythonOverheadFactor = 0.4m;
    public const int MinimumOverheadMiB = 384;

    public static SparkPodResources Derive(
        NodeType node, SparkRole role, SparkApplicationType type, IReadOnlyDictionary<string, string> sparkConf)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(sparkConf);
        var r = RoleKey(role);
        if (node.CpuMillicores <= 0)
            throw ValidationException.ForField($"{r}NodeType", $"Node type '{node.Name}' has no CPU.");
        var cores = Cores(node, r, sparkConf);
        var (memory, overhead) = Memory(node, r, type, sparkConf);
        return new SparkPodResources(cores, node.CpuMillicores, memory, overhead);
    }

    /// <summary>The Spark conf keys these resources correspond to, for the effective configuration.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ToSparkConf(SparkPodResources resources, SparkRole role)
    {
        var r = RoleKey(role);
        yield return new($"spark.{r}.cores", resources.Cores.ToString(CultureInfo.InvariantCulture));
        yield return new($"spark.{r}.memory", resources.Memory);
        yield return new($"spark.{r}.memoryOverhead", resources.MemoryOverhead);
        yield return new($"spark.kubernetes.{r}.request.cores", resources.CoreRequest);
        yield return new($"spark.kubernetes.{r}.limit.cores", resources.CoreRequest);
    }

    private static string RoleKey(SparkRole role) => role == SparkRole.Driver ? "driver" : "executor";

    private static int Cores(NodeType node, string r, IReadOnlyDictionary<string, string> conf)
    {
        if (conf.TryGetValue($"spark.iomete.{r}.cores", out var fixedCores))
        {
            if (!int.TryParse(fixedCores, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c < 1)
                throw ValidationException.ForField($"spark.iomete.{r}.cores", "must be a positive integer.");
            return c;
        }
        var factor = PositiveDecimal(conf, $"spark.iomete.{r}.core.factor") ?? DefaultCoreFactor;
        return (int)Math.Max(Math.Ceiling(node.CpuMillicores / 1000m * factor), 1m);
    }

    private static (int Memory, int Overhead) Memory(
        NodeType node, string r, SparkApplicationType type, IReadOnlyDictionary<string, string> conf)
    {
        var total = node.MemoryMiB;
        int overhead;
        if (conf.TryGetValue($"spark.{r}.memoryOverhead", out var fixedOverhead))
        {
            overhead = ParseMiB($"spark.{r}.memoryOverhead", fixedOverhead);
        }
        else
        {
            var factor = PositiveDecimal(conf, $"spark.{r}.memoryOverheadFactor")
                         ?? PositiveDecimal(conf, "spark.kubernetes.memoryOverheadFactor")
                         ?? (type == SparkApplicationType.Python ? PythonOverheadFactor : JvmOverheadFactor);
            var heap = (int)Math.Floor(total / (1m + factor));
            overhead = heap * factor >= MinimumOverheadMiB ? total - heap : MinimumOverheadMiB;
        }
        if (total - overhead < 1)
            throw ValidationException.ForField($"{r}NodeType",
                $"Node type '{node.Name}' has {total} MiB, which leaves no heap beside {overhead} MiB of memory overhead.");
        return (total - overhead, overhead);
    }

    private static decimal? PositiveDecimal(IReadOnlyDictionary<string, string> conf, string key)
    {
        if (!conf.TryGetValue(key, out var text))
            return null;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw ValidationException.ForField(key, "must be a positive number.");
        return value;
    }

    /// <summary>Spark's size notation for MiB-defaulted settings: a number with an optional k, m, g or t (b optional).</summary>
    internal static int ParseMiB(string key, string text)
    {
        var s = text.Trim().ToLowerInvariant();
        if (s.EndsWith('b') && s.Length > 1 && !char.IsDigit(s[^2]))
            s = s[..^1];
        decimal scale = 1;
        if (s.Length > 0 && char.IsLetter(s[^1]))
        {
            scale = s[^1] switch { 'k' => 1m / 1024, 'm' => 1, 'g' => 1024, 't' => 1024 * 1024, _ => 0 };
            s = s[..^1];
        }
        if (scale == 0 || !long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            throw ValidationException.ForField(key, $"'{text}' is not a size (like 512m or 2g).");
        var mib = Math.Ceiling(number * scale);
        if (mib > int.MaxValue)
            throw ValidationException.ForField(key, $"'{text}' is too large.");
        return (int)mib;
    }
}
