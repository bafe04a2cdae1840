namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>
/// The one place that defines Spark application ids (<c>spark.app.id</c>): <c>{c|j}-{resourceId}-{start}</c>, where c is a
/// compute cluster, j a Spark job and start the start instant in base-36 milliseconds. The owning resource can be read back
/// from the id alone, so the history server's pages of an application that no longer exists can still be authorised. The
/// id stays a valid Kubernetes label value (≤ 63 characters) because Spark labels the driver pod with it.
/// </summary>
public static class SparkAppIds
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string For(ManagedResourceType type, string resourceId, DateTimeOffset startedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        var id = $"{Prefix(type)}-{resourceId}-{Base36(startedAt.ToUnixTimeMilliseconds())}";
        KubernetesNames.RequireLabelValue("spark.app.id", id);
        return id;
    }

    /// <summary>The owner of an application id we made; false for any other id (e.g. an application submitted by hand).</summary>
    public static bool TryParse(string? appId, out ManagedResourceType type, out string resourceId)
    {
        type = default;
        resourceId = "";
        if (string.IsNullOrEmpty(appId) || appId.Length < 5 || appId[1] != '-')
            return false;
        ManagedResourceType? parsed = appId[0] switch { 'c' => ManagedResourceType.Compute, 'j' => ManagedResourceType.SparkJob, _ => null };
        var last = appId.LastIndexOf('-');
        if (parsed is null || last <= 2 || last == appId.Length - 1 || !appId[(last + 1)..].All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
            return false;
        type = parsed.Value;
        resourceId = appId[2..last];
        return true;
    }

    private static char Prefix(ManagedResourceType type) => type switch
    {
        ManagedResourceType.Compute => 'c',
        ManagedResourceType.SparkJob => 'j',
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "only Spark applications have Spark application ids"),
    };

    private static string Base36(long value)
    {
        if (value <= 0)
            return "0";
        var chars = new Stack<char>();
        while (value > 0)
        {
            chars.Push(Alphabet[(int)(value % 36)]);
            value /= 36;
        }
        return new string(chars.ToArray());
    }
}

/// <summary>
/// Where a Spark application writes its event log for the history server, and when it started (for its
/// <see cref="SparkAppIds">application id</see>). <see cref="Directory"/> comes from <c>SparkHistoryLocation.EventLogDirectory</c>.
/// </summary>
public sealed record SparkEventLog(string Directory, DateTimeOffset StartedAt);
