using System.Globalization;
using Iomete.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Push.Stream;

/// <summary>What a stream request asks for: <c>?topics=</c> and the resume point (<c>Last-Event-ID</c> or <c>?lastEventId=</c>).</summary>
internal static class PushRequest
{
    public const string LastEventIdHeader = "Last-Event-ID";

    private static readonly Dictionary<string, string[]> TypesByTopic = new(StringComparer.Ordinal)
    {
        [PushTopics.Health] = [PushEventTypes.HealthStatus],
        [PushTopics.Queries] = [PushEventTypes.SqlQuery],
        [PushTopics.SparkRuns] = [PushEventTypes.SparkRun],
        [PushTopics.Compute] = [PushEventTypes.ComputeState],
        [PushTopics.EventStreams] = [PushEventTypes.EventStreamState],
        [PushTopics.Catalog] = [PushEventTypes.CatalogTable, PushEventTypes.CatalogEntry],
        [PushTopics.Maintenance] = [PushEventTypes.MaintenanceRun],
    };

    /// <summary>The event types selected by a comma-separated topic list; every type when absent or empty.</summary>
    public static IReadOnlySet<string> Types(HttpRequest request)
    {
        var raw = string.Join(',', request.Query["topics"].ToArray());
        var topics = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (topics.Length == 0)
        {
            return TypesByTopic.Values.SelectMany(t => t).ToHashSet(StringComparer.Ordinal);
        }
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            if (!TypesByTopic.TryGetValue(topic, out var selected))
            {
                throw ValidationException.ForField("topics", $"'{topic}' is not a topic; use {string.Join(", ", PushTopics.All)}");
            }
            types.UnionWith(selected);
        }
        return types;
    }

    /// <summary>The last event the client received (a sequence number), from the header or the query; null for a fresh start.</summary>
    public static long? LastEventId(HttpRequest request)
    {
        var raw = request.Headers[LastEventIdHeader].ToString().Trim();
        var field = LastEventIdHeader;
        if (raw.Length == 0)
        {
            raw = request.Query["lastEventId"].ToString().Trim();
            field = "lastEventId";
        }
        if (raw.Length == 0)
        {
            return null;
        }
        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw ValidationException.ForField(field, "must be the id of an event received earlier (a non-negative integer)");
        }
        return id;
    }
}
