using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.EventStreams.Streams;

public sealed record CreateEventStreamRequest
{
    /// <summary>Kubernetes name rules (max 53, lowercase alphanumerics and '-'); part of the ingest URL; immutable.</summary>
    [Required]
    public string? Name { get; init; }

    [Required]
    public string? ResourceBundleId { get; init; }

    /// <summary>One of the configured data-plane namespaces; default the first.</summary>
    public string? Namespace { get; init; }

    [Range(StreamResources.MinReplicas, StreamResources.MaxReplicas)]
    public int? Replicas { get; init; }

    [Range(StreamResources.MinCpuMillicores, StreamResources.MaxCpuMillicores)]
    public int? CpuMillicores { get; init; }

    [Range(StreamResources.MinMemoryMiB, StreamResources.MaxMemoryMiB)]
    public int? MemoryMiB { get; init; }

    public string? VolumeId { get; init; }

    public List<ResourceTag?>? Tags { get; init; }

    public EventStreamSettings? Settings { get; init; }
}

public sealed class CreateEventStream(
    ICallerAccessor callers, StreamAccess access, IAssetRegistry assets, EventStreamStore store, IStreamRuntime runtime,
    IIdGenerator ids, IOptions<EventStreamsOptions> options, TimeProvider clock)
{
    [Function("eventstreams-streams-create")]
    [OpenApiOperation("Event streams", "Create an event stream",
        Description = "Registers the stream in the given resource bundle (the caller must be able to use it) and starts it: " +
                      "the status is STARTING until its ingestion pipeline is ready, then ACTIVE.")]
    [OpenApiRequestBody(typeof(CreateEventStreamRequest))]
    [OpenApiResponse(201, typeof(EventStreamView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/event-streams")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<CreateEventStreamRequest>(request, ct);
        var now = clock.GetUtcNow();
        var stream = new EventStream
        {
            Id = ids.NewId(),
            DomainId = domain,
            Name = StreamRules.Name(body.Name),
            Namespace = StreamRules.Namespace(body.Namespace, options.Value),
            ResourceBundleId = body.ResourceBundleId!,
            Status = EventStreamStatus.Starting,
            Replicas = body.Replicas ?? 1,
            CpuMillicores = body.CpuMillicores ?? StreamResources.DefaultCpuMillicores,
            MemoryMiB = body.MemoryMiB ?? StreamResources.DefaultMemoryMiB,
            VolumeId = string.IsNullOrWhiteSpace(body.VolumeId) ? null : body.VolumeId,
            Tags = StreamRules.Tags(body.Tags),
            Settings = StreamRules.Settings(body.Settings),
            CreatedBy = caller.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };

        var created = await store.CreateAsync(stream, ct);
        try
        {
            await assets.RegisterAsync(caller, domain, created.ResourceBundleId, AssetType.EventStream, created.Id, ct);
        }
        catch
        {
            await store.DeleteAsync(created.Id, CancellationToken.None);
            throw;
        }
        await store.PublishCreatedAsync(created, ct);
        runtime.Start(created);
        return ApiResults.Created(EventStreamView.From(created), $"/api/v1/domains/{domain}/event-streams/{created.Id}");
    }
}
