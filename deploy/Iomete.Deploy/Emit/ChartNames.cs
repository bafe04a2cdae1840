namespace Iomete.Deploy.Emit;

/// <summary>
/// Kubernetes names in the chart: <c>&lt;fullname&gt;-&lt;x&gt;</c> like the hand-written templates, so that two releases
/// in one namespace do not collide. Dapr app ids stay static (see <see cref="Planning.DaprAppId"/>).
/// </summary>
internal static class ChartNames
{
    public const string FullName = "{{ include \"iomete.fullname\" . }}";

    /// <summary>The settings ConfigMap and Secret of the chart (the Secret's <c>token</c> key is the Dapr app API token).</summary>
    public const string Settings = FullName + "-settings";

    /// <summary>The chart's ServiceAccount, bound to the data-plane Roles.</summary>
    public const string ServiceAccount = FullName;

    public static string Of(string name) => $"{FullName}-{name}";

    /// <summary>Object metadata in the release namespace, as the hand-written templates write it.</summary>
    public static YamlMap Metadata(string name, YamlMap? labels = null)
    {
        var metadata = new YamlMap { ["name"] = name, ["namespace"] = "{{ .Release.Namespace }}" };
        if (labels is not null)
        {
            metadata["labels"] = labels;
        }
        return metadata;
    }
}
