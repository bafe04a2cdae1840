using Iomete.Functions.Core.Common;

namespace Iomete.Functions.Core.Volumes;

/// <summary>Where a Spark pod's extra volume comes from.</summary>
public enum VolumeType
{
    /// <summary>A directory of the Kubernetes node (<c>hostPath</c>).</summary>
    HostPath,
    /// <summary>A PersistentVolumeClaim created per pod from a storage class (<c>storageClassName</c>, <c>maxSize</c>).</summary>
    OnDemandPvc,
    /// <summary>RAM-backed emptyDir (<c>maxSize</c>).</summary>
    Tmpfs,
    /// <summary>Node-local scratch space (<c>maxSize</c>; <c>schedulerReserved</c> also requests it as ephemeral storage).</summary>
    EmptyDir,
    /// <summary>An NFS export (<c>server</c>, <c>path</c>).</summary>
    Nfs,
}

/// <summary>A volume definition that compute clusters, Spark jobs and notebooks can mount.</summary>
public sealed record VolumeView(
    string Id,
    string Name,
    VolumeType Type,
    string? HostPath,
    string? StorageClassName,
    string? MaxSize,
    bool SchedulerReserved,
    string? Server,
    string? Path,
    IReadOnlyList<ResourceTag> ResourceTags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Create or replace a volume; only the fields of its type may be set. On update <c>name</c> may be omitted.</summary>
/// <param name="MaxSize">A Kubernetes quantity such as <c>10Gi</c>.</param>
public sealed record VolumeRequest(
    string? Name = null,
    VolumeType? Type = null,
    string? HostPath = null,
    string? StorageClassName = null,
    string? MaxSize = null,
    bool? SchedulerReserved = null,
    string? Server = null,
    string? Path = null,
    IReadOnlyList<ResourceTag?>? ResourceTags = null);

/// <summary>A validated volume definition.</summary>
public sealed record VolumeSpec(
    string Name,
    VolumeType Type,
    string? HostPath,
    string? StorageClassName,
    string? MaxSize,
    bool SchedulerReserved,
    string? Server,
    string? Path,
    IReadOnlyList<ResourceTag> ResourceTags);
