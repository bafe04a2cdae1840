using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.EventStreams.Streams;

/// <summary>A new configuration; absent fields keep their value. Name and namespace are immutable (they form the ingest URL).</summary>
public sealed record ConfigureEventStreamRequest
{
    /// <summary>The version that was read; the change is refused with 409 when the stream changed since.</summary>
    [Required]
    public long? Version { get; init; }

    public string? ResourceBundleId { get; init; }

    [Range(StreamResources.MinReplicas, StreamResources.MaxReplicas)]
    public int? Replicas { get; init; }

    [Range(StreamResources.MinCpuMillicores, StreamResources.MaxCpuMillicores)]
    public int? CpuMillicores { get; init; }

    [Range(StreamResources.MinMemoryMiB, StreamResources.MaxMemoryMiB)]
    public int? MemoryMiB { get; init; }

    /// <summary>An empty string removes the volume.</summary>
    public string? VolumeId { get; init; }

    public List<ResourceTag?>? Tags { get; init; }

    public EventStreamSettings? Settings { get; init; }
}

public sealed class ConfigureEventStream(
    ICallerAccessor callers, StreamAccess access, IAssetRegistry assets, EventStreamStore store, IStreamRuntime runtime)
{
    [Function("eventstreams-streams-configure")]
    [OpenApiOperation("Event streams", "Configure an event stream (UPDATE)",
        Description = "Changes its bundle, resources, volume, tags or ingestion settings; a running stream is reconfigured in place.")]
    [OpenApiRequestBody(typeof(ConfigureEventStreamRequest))]
    [OpenApiResponse(200, typeof(EventStreamView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/domains/{domain}/event-streams/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<ConfigureEventStreamRequest>(request, ct);
        var tags = body.Tags is null ? null : StreamRules.Tags(body.Tags);
        var settings = body.Settings is null ? null : StreamRules.Settings(body.Settings);
        var current = await access.RequireAsync(caller, domain, id, StreamAccess.Update, ct);
        if (current.Version != body.Version)
        {
            throw new ConflictException($"The event stream '{current.Name}' is at version {current.Version}, not {body.Version}; read it again and retry.");
        }

        var next = current with
        {
            ResourceBundleId = string.IsNullOrEmpty(body.ResourceBundleId) ? current.ResourceBundleId : body.ResourceBundleId,
            Replicas = body.Replicas ?? current.Replicas,
            CpuMillicores = body.CpuMillicores ?? current.CpuMillicores,
            MemoryMiB = body.MemoryMiB ?? current.MemoryMiB,
            VolumeId = body.VolumeId is null ? current.VolumeId : body.VolumeId.Length == 0 ? null : body.VolumeId,
            Tags = tags ?? current.Tags,
            Settings = settings ?? current.Settings,
        };
        var updated = await SaveAsync(caller, current, next, ct);
        if (updated.Status != EventStreamStatus.Stopped)
        {
            runtime.Start(updated);
        }
        return ApiResults.Ok(EventStreamView.From(updated));
    }

    /// <summary>Moves the stream to its new bundle (the caller must be able to use it), then saves; a lost race moves it back.</summary>
    private async Task<EventStream> SaveAsync(Caller caller, EventStream current, EventStream next, CancellationToken ct)
    {
        var moving = next.ResourceBundleId != current.ResourceBundleId;
        if (moving)
        {
            await MoveAsync(caller, current, next.ResourceBundleId, current.ResourceBundleId, ct);
        }
        try
        {
            return await store.UpdateAsync(next, current.Version, ct);
        }
        catch (ApiException) when (moving)
        {
            await assets.UnregisterAsync(AssetType.EventStream, current.Id, CancellationToken.None);
            await assets.RegisterAsync(caller, current.DomainId, current.ResourceBundleId, AssetType.EventStream, current.Id, CancellationToken.None);
            throw;
        }
    }

    private async Task MoveAsync(Caller caller, EventStream stream, string toBundle, string fromBundle, CancellationToken ct)
    {
        await assets.UnregisterAsync(AssetType.EventStream, stream.Id, ct);
        try
        {
            await assets.RegisterAsync(caller, stream.DomainId, toBundle, AssetType.EventStream, stream.Id, ct);
        }
        catch
        {
            await assets.RegisterAsync(caller, stream.DomainId, fromBundle, AssetType.EventStream, stream.Id, CancellationToken.None);
            throw;
        }
    }
}
