namespace Iomete.Console.Pages.Compute;

/// <summary>
/// The create form's fields (IOMETE's General, Configurations, Dependencies, Docker and Tags tabs) and the request body
/// they make. Maps and lists are typed one entry per line (<c>key=value</c> for maps).
/// </summary>
public sealed class ComputeForm
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? ResourceBundleId { get; set; }
    public string? Namespace { get; set; }
    public string DeploymentType { get; set; } = "MULTI_NODE";
    public string? DriverType { get; set; }
    public string? ExecutorType { get; set; }
    public int MinExecutors { get; set; }
    public int MaxExecutors { get; set; } = 1;
    public bool UseSpotInstances { get; set; }
    public bool AutoSuspend { get; set; } = true;
    public int AutoSuspendMinutes { get; set; } = 30;
    public string SparkConf { get; set; } = "";
    public string EnvVars { get; set; } = "";
    public string Arguments { get; set; } = "";
    public string? JavaOptions { get; set; }
    public string Jars { get; set; } = "";
    public string Files { get; set; } = "";
    public string PyFiles { get; set; } = "";
    public string Packages { get; set; } = "";
    public string? Image { get; set; }
    public string Tags { get; set; } = "";

    public bool SingleNode => DeploymentType == "SINGLE_NODE";

    /// <summary>Which tab holds a field the API named in its problem (for jumping to the first tab with an error).</summary>
    public static int TabOf(string field) => field.Split('.', '[')[0].ToLowerInvariant() switch
    {
        "sparkconf" or "envvars" or "envsecrets" or "sparkconfsecrets" or "arguments" or "javaoptions" => 1,
        "deps" => 2,
        "image" => 3,
        "resourcetags" => 4,
        _ => 0,
    };

    public Dictionary<string, object?> ToRequest() => new()
    {
        ["name"] = Name.Trim(),
        ["description"] = Blank(Description),
        ["resourceBundleId"] = Blank(ResourceBundleId),
        ["namespace"] = Blank(Namespace),
        ["deploymentType"] = DeploymentType,
        ["driverType"] = Blank(DriverType),
        ["executorType"] = SingleNode ? null : Blank(ExecutorType),
        ["minExecutors"] = SingleNode ? null : MinExecutors,
        ["maxExecutors"] = SingleNode ? null : MaxExecutors,
        ["useSpotInstances"] = UseSpotInstances,
        // Null disables auto-suspend; the key must be present for that (absent means the default).
        ["autoSuspendSeconds"] = AutoSuspend ? AutoSuspendMinutes * 60 : null,
        ["sparkConf"] = Map(SparkConf),
        ["envVars"] = Map(EnvVars),
        ["arguments"] = Lines(Arguments),
        ["javaOptions"] = Blank(JavaOptions),
        ["deps"] = new Dictionary<string, object?>
        {
            ["jars"] = Lines(Jars), ["files"] = Lines(Files), ["pyFiles"] = Lines(PyFiles), ["packages"] = Lines(Packages),
        },
        ["image"] = Blank(Image),
        ["resourceTags"] = Map(Tags).Select(t => new { key = t.Key, value = t.Value }).ToList(),
    };

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary><c>key=value</c> per line; a line without '=' maps the key to an empty value (the API names it).</summary>
    public static Dictionary<string, string> Map(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(text))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            result[(eq < 0 ? line : line[..eq]).Trim()] = eq < 0 ? "" : line[(eq + 1)..].Trim();
        }
        return result;
    }
}
