using System.Text.Json.Nodes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>The volume types of iomete-features.md §2.4 that executors can use for scratch space.</summary>
public enum ExecutorVolumeKind
{
    OnDemandPvc,
    EmptyDir,
    Tmpfs,
    HostPath,
    Nfs,
}

/// <summary>
/// A scratch volume for executors. Sizes are Kubernetes quantities (<c>50Gi</c>). The volume is named
/// <c>spark-local-dir-1</c>, which makes Spark use it for shuffle and spill files.
/// </summary>
public sealed record ExecutorVolume(ExecutorVolumeKind Kind, string MountPath = "/local1")
{
    public const string VolumeName = "spark-local-dir-1";

    public string? StorageClass { get; init; }
    public string? SizeLimit { get; init; }
    public string? HostPath { get; init; }
    public string? NfsServer { get; init; }
    public string? NfsPath { get; init; }
}

/// <summary>
/// Renders an <see cref="ExecutorVolume"/>. On-demand PVCs exist only as Spark settings (Spark creates one claim per
/// executor, owned by the driver); the other kinds are <c>spec.volumes</c> plus an executor <c>volumeMounts</c> entry.
/// </summary>
internal static class ExecutorVolumes
{
    public static IEnumerable<KeyValuePair<string, string>> SparkConf(ExecutorVolume volume)
    {
        if (volume.Kind != ExecutorVolumeKind.OnDemandPvc)
            yield break;
        const string prefix = $"spark.kubernetes.executor.volumes.persistentVolumeClaim.{ExecutorVolume.VolumeName}.";
        yield return new(prefix + "options.claimName", "OnDemand");
        if (volume.StorageClass is { } storageClass)
            yield return new(prefix + "options.storageClass", storageClass);
        yield return new(prefix + "options.sizeLimit", Required(volume.SizeLimit, "executorVolume.sizeLimit"));
        yield return new(prefix + "mount.path", volume.MountPath);
        yield return new(prefix + "mount.readOnly", "false");
        yield return new("spark.kubernetes.driver.ownPersistentVolumeClaim", "true");
    }

    /// <summary>The <c>spec.volumes</c> entry, or null for on-demand claims.</summary>
    public static JsonObject? Volume(ExecutorVolume volume)
    {
        if (!volume.MountPath.StartsWith('/'))
            throw ValidationException.ForField("executorVolume.mountPath", "must be an absolute path.");
        JsonObject? source = volume.Kind switch
        {
            ExecutorVolumeKind.OnDemandPvc => null,
            ExecutorVolumeKind.EmptyDir => EmptyDir(volume.SizeLimit, medium: null),
            ExecutorVolumeKind.Tmpfs => EmptyDir(volume.SizeLimit, "Memory"),
            ExecutorVolumeKind.HostPath => new JsonObject
            {
                ["path"] = Required(volume.HostPath, "executorVolume.hostPath"),
                ["type"] = "DirectoryOrCreate",
            },
            ExecutorVolumeKind.Nfs => new JsonObject
            {
                ["server"] = Required(volume.NfsServer, "executorVolume.nfsServer"),
                ["path"] = Required(volume.NfsPath, "executorVolume.nfsPath"),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(volume), volume.Kind, null),
        };
        if (source is null)
            return null;
        var key = volume.Kind switch
        {
            ExecutorVolumeKind.HostPath => "hostPath",
            ExecutorVolumeKind.Nfs => "nfs",
            _ => "emptyDir",
        };
        return new JsonObject { ["name"] = ExecutorVolume.VolumeName, [key] = source };
    }

    public static JsonObject Mount(ExecutorVolume volume) =>
        new() { ["name"] = ExecutorVolume.VolumeName, ["mountPath"] = volume.MountPath };

    private static JsonObject EmptyDir(string? sizeLimit, string? medium)
    {
        var dir = new JsonObject();
        if (medium is not null)
            dir["medium"] = medium;
        if (sizeLimit is not null)
            dir["sizeLimit"] = sizeLimit;
        return dir;
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw ValidationException.ForField(field, "is required for this volume type.") : value;
}
