using System.Text.Json;
using Iomete.Platform.Http;

namespace Iomete.Functions.EventStreams.Streams;

/// <summary>A row of <c>event_streams</c> as Dapper reads and writes it: instants in epoch milliseconds, tags and settings as JSON.</summary>
internal sealed class EventStreamRow
{
    public string Id { get; set; } = "";
    public string DomainId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Namespace { get; set; } = "";
    public string BundleId { get; set; } = "";
    public string Status { get; set; } = "";
    public int Replicas { get; set; }
    public int CpuMillicores { get; set; }
    public int MemoryMiB { get; set; }
    public string? VolumeId { get; set; }
    public string Tags { get; set; } = "[]";
    public string Settings { get; set; } = "{}";
    public string CreatedBy { get; set; } = "";
    public long CreatedMs { get; set; }
    public long UpdatedMs { get; set; }
    public long Version { get; set; }

    public static string Stored(EventStreamStatus status) => status.ToString().ToUpperInvariant();

    public static EventStreamRow From(EventStream s) => new()
    {
        Id = s.Id,
        DomainId = s.DomainId,
        Name = s.Name,
        Namespace = s.Namespace,
        BundleId = s.ResourceBundleId,
        Status = Stored(s.Status),
        Replicas = s.Replicas,
        CpuMillicores = s.CpuMillicores,
        MemoryMiB = s.MemoryMiB,
        VolumeId = s.VolumeId,
        Tags = JsonSerializer.Serialize(s.Tags, Json.Options),
        Settings = JsonSerializer.Serialize(s.Settings, Json.Options),
        CreatedBy = s.CreatedBy,
        CreatedMs = s.CreatedAt.ToUnixTimeMilliseconds(),
        UpdatedMs = s.UpdatedAt.ToUnixTimeMilliseconds(),
        Version = s.Version,
    };

    public EventStream ToStream() => new()
    {
        Id = Id,
        DomainId = DomainId,
        Name = Name,
        Namespace = Namespace,
        ResourceBundleId = BundleId,
        Status = Enum.Parse<EventStreamStatus>(Status, ignoreCase: true),
        Replicas = Replicas,
        CpuMillicores = CpuMillicores,
        MemoryMiB = MemoryMiB,
        VolumeId = VolumeId,
        Tags = JsonSerializer.Deserialize<List<ResourceTag>>(Tags, Json.Options) ?? [],
        Settings = JsonSerializer.Deserialize<EventStreamSettings>(Settings, Json.Options) ?? new EventStreamSettings(),
        CreatedBy = CreatedBy,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs),
        Version = Version,
    };
}
