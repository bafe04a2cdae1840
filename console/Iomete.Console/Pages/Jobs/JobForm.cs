using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Console.Api;
using Iomete.Console.Pages.Compute;

namespace Iomete.Console.Pages.Jobs;

/// <summary>
/// The job form (IOMETE's General, Schedule, Application, Configurations, Instance, Restart policy sections) and the body it
/// makes. On edit the loaded template is kept and only the fields shown here are replaced, so nothing else is lost.
/// </summary>
public sealed class JobForm
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? BundleId { get; set; }
    public string? Namespace { get; set; }
    public string JobType { get; set; } = "MANUAL";
    public string? Schedule { get; set; }
    public string Concurrency { get; set; } = "FORBID";
    public string Priority { get; set; } = "NORMAL";
    public string Flow { get; set; } = "LEGACY";
    public string ApplicationType { get; set; } = "sql";
    public string? SqlScript { get; set; }
    public string? ComputeCluster { get; set; } = "local";
    public string? Catalog { get; set; } = "spark_catalog";
    public string? Database { get; set; }
    public string? Image { get; set; }
    public string? MainApplicationFile { get; set; }
    public string? MainClass { get; set; }
    public string Arguments { get; set; } = "";
    public string SparkConf { get; set; } = "";
    public string EnvVars { get; set; } = "";
    public string? DriverType { get; set; }
    public string? ExecutorType { get; set; }
    public int ExecutorCount { get; set; } = 1;
    public string RestartPolicy { get; set; } = "Never";
    public int OnFailureRetries { get; set; } = 1;
    public long MaxExecutionDurationSeconds { get; set; } = 86400;
    public long? Version { get; set; }
    public JsonObject? LoadedTemplate { get; set; }

    public bool IsSql => ApplicationType == "sql";

    /// <summary>The cron field's message, or null when it is valid (or not needed).</summary>
    public string? ScheduleError() =>
        JobType != "SCHEDULED" ? null : CronSchedule.TryParse(Schedule, out _, out var error) ? null : error;

    public static JobForm From(JsonElement job)
    {
        var t = job.Obj("template") ?? default;
        var instance = t.Obj("instanceConfig");
        var restart = t.Obj("restartPolicy");
        return new JobForm
        {
            Name = job.Str("name") ?? "",
            Description = job.Str("description"),
            BundleId = job.Str("bundleId"),
            Namespace = job.Str("namespace"),
            JobType = job.Str("jobType") ?? "MANUAL",
            Schedule = job.Str("schedule"),
            Concurrency = job.Str("concurrency") ?? "FORBID",
            Priority = job.Str("priority") ?? "NORMAL",
            Flow = job.Str("flow") ?? "LEGACY",
            ApplicationType = t.Str("applicationType") ?? "sql",
            SqlScript = t.Str("sqlScript"),
            ComputeCluster = t.Str("computeCluster"),
            Catalog = t.Str("catalog"),
            Database = t.Str("database"),
            Image = t.Str("image"),
            MainApplicationFile = t.Str("mainApplicationFile"),
            MainClass = t.Str("mainClass"),
            Arguments = string.Join('\n', t.Items("arguments").Select(a => a.GetString())),
            SparkConf = Lines(t.Obj("sparkConf")),
            EnvVars = Lines(t.Obj("envVars")),
            DriverType = instance?.Str("driverType"),
            ExecutorType = instance?.Str("executorType"),
            ExecutorCount = (int)(instance?.Long("executorCount") ?? 1),
            RestartPolicy = restart?.Str("type") ?? "Never",
            OnFailureRetries = (int)(restart?.Long("onFailureRetries") ?? 1),
            MaxExecutionDurationSeconds = t.Long("maxExecutionDurationSeconds") ?? 86400,
            Version = job.Long("version"),
            LoadedTemplate = t.ValueKind == JsonValueKind.Object ? JsonNode.Parse(t.GetRawText()) as JsonObject : null,
        };
    }

    public JsonObject ToRequest()
    {
        var template = LoadedTemplate?.DeepClone() as JsonObject ?? new JsonObject();
        Set(template, "applicationType", ApplicationType);
        if (IsSql)
        {
            Set(template, "sqlScript", SqlScript);
            Set(template, "computeCluster", ComputeForm.Blank(ComputeCluster));
            Set(template, "catalog", ComputeForm.Blank(Catalog));
            Set(template, "database", ComputeForm.Blank(Database));
            foreach (var key in new[] { "mainApplicationFile", "mainClass", "instanceConfig", "image" })
            {
                template.Remove(key);
            }
        }
        else
        {
            Set(template, "image", ComputeForm.Blank(Image));
            Set(template, "mainApplicationFile", ComputeForm.Blank(MainApplicationFile));
            Set(template, "mainClass", ComputeForm.Blank(MainClass));
            template["arguments"] = new JsonArray([.. ComputeForm.Lines(Arguments).Select(a => (JsonNode)JsonValue.Create(a))]);
            template["sparkConf"] = Map(SparkConf);
            template["envVars"] = Map(EnvVars);
            template["instanceConfig"] = new JsonObject
            {
                ["driverType"] = ComputeForm.Blank(DriverType),
                ["executorType"] = ComputeForm.Blank(ExecutorType),
                ["executorCount"] = ExecutorCount,
            };
            foreach (var key in new[] { "sqlScript", "computeCluster", "catalog", "database" })
            {
                template.Remove(key);
            }
        }
        template["restartPolicy"] = new JsonObject { ["type"] = RestartPolicy, ["onFailureRetries"] = OnFailureRetries };
        template["maxExecutionDurationSeconds"] = MaxExecutionDurationSeconds;
        var body = new JsonObject
        {
            ["name"] = Name.Trim(),
            ["description"] = ComputeForm.Blank(Description),
            ["bundleId"] = ComputeForm.Blank(BundleId),
            ["namespace"] = ComputeForm.Blank(Namespace),
            ["jobType"] = JobType,
            ["schedule"] = JobType == "SCHEDULED" ? ComputeForm.Blank(Schedule) : null,
            ["concurrency"] = Concurrency,
            ["priority"] = Priority,
            ["flow"] = Flow,
            ["template"] = template,
        };
        if (Version is { } v)
        {
            body["version"] = v;
        }
        return body;
    }

    private static void Set(JsonObject o, string key, string? value)
    {
        if (value is null)
        {
            o.Remove(key);
        }
        else
        {
            o[key] = value;
        }
    }

    private static JsonObject Map(string text)
    {
        var o = new JsonObject();
        foreach (var (k, v) in ComputeForm.Map(text))
        {
            o[k] = v;
        }
        return o;
    }

    private static string Lines(JsonElement? map) =>
        map is { ValueKind: JsonValueKind.Object } m ? string.Join('\n', m.EnumerateObject().Select(p => $"{p.Name}={p.Value}")) : "";
}
