using System.Text.Json;
using System.Text.Json.Serialization;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Iomete.Platform.Messaging;

/// <summary>
/// The CloudEvents 1.0 envelope Dapr posts to subscription routes (structured JSON mode); <see cref="Data"/> is the
/// published payload. Dapr adds <c>topic</c> and <c>pubsubname</c>.
/// </summary>
public sealed record CloudEvent<T>(
    string? Id = null,
    string? Source = null,
    string? Type = null,
    string? Specversion = null,
    string? Datacontenttype = null,
    string? Topic = null,
    string? Pubsubname = null,
    DateTimeOffset? Time = null,
    T? Data = default);

public static class CloudEvents
{
    public const string SpecVersion = "1.0";
    public const string EventType = "com.dapr.event.sent";

    /// <summary>
    /// The JSON of published data and kept state: the platform's conventions, but null members are written, because
    /// readers deserialize records whose constructor parameters are all required.
    /// </summary>
    public static JsonSerializerOptions DataOptions { get; } = CreateDataOptions();

    private static JsonSerializerOptions CreateDataOptions()
    {
        var options = new JsonSerializerOptions(Json.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The payload of a delivered CloudEvent; an envelope without data is a 400 (redelivery would not help).</summary>
    public static async Task<T> ReadDataAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        var envelope = await RequestBody.ReadAsync<CloudEvent<T>>(request, ct);
        return envelope.Data ?? throw ValidationException.ForField("data", "is required: the event payload");
    }
}
