using Iomete.Functions.Core.Common;

namespace Iomete.Functions.Core.Volumes;

internal static class VolumeRules
{
    /// <summary>Volume names become Kubernetes volume names: DNS-1123 labels.</summary>
    public const int MaxNameLength = 63;
    public const int MaxPathLength = 4096;

    public static VolumeSpec Validate(VolumeRequest request, string? existingName)
    {
        var errors = new FieldErrors();
        var name = request.Name;
        if (existingName is not null)
        {
            errors.Check(name is null || name == existingName, "name", "cannot be changed");
            name = existingName;
        }
        else
        {
            ResourceNames.CheckLabel(name, MaxNameLength, errors);
        }
        var tags = ResourceTags.Validate(request.ResourceTags, errors);
        var type = request.Type ?? throw errors.Fail("type", "is required: HOST_PATH, ON_DEMAND_PVC, TMPFS, EMPTY_DIR or NFS");

        var used = type switch
        {
            VolumeType.HostPath => new[] { "hostPath" },
            VolumeType.OnDemandPvc => ["storageClassName", "maxSize"],
            VolumeType.Tmpfs => ["maxSize"],
            VolumeType.EmptyDir => ["maxSize", "schedulerReserved"],
            _ => ["server", "path"],
        };
        var given = new (string Field, bool Set)[]
        {
            ("hostPath", request.HostPath is not null),
            ("storageClassName", request.StorageClassName is not null),
            ("maxSize", request.MaxSize is not null),
            ("schedulerReserved", request.SchedulerReserved == true),
            ("server", request.Server is not null),
            ("path", request.Path is not null),
        };
        foreach (var (field, _) in given.Where(g => g.Set && !used.Contains(g.Field)))
        {
            errors.Add(field, $"is not used by {Code(type)} volumes");
        }

        switch (type)
        {
            case VolumeType.HostPath:
                CheckAbsolutePath(request.HostPath, "hostPath", errors);
                break;
            case VolumeType.OnDemandPvc:
                ResourceNames.CheckSubdomain(request.StorageClassName, 253, errors, "storageClassName");
                Quantity.CheckSize(request.MaxSize, "maxSize", errors);
                break;
            case VolumeType.Tmpfs:
                Quantity.CheckSize(request.MaxSize, "maxSize", errors);
                break;
            case VolumeType.EmptyDir:
                Quantity.CheckSize(request.MaxSize, "maxSize", errors, required: request.SchedulerReserved == true);
                break;
            case VolumeType.Nfs:
                errors.Check(!string.IsNullOrEmpty(request.Server) && request.Server.Length <= 253 && Uri.CheckHostName(request.Server) != UriHostNameType.Unknown,
                    "server", "is required: a host name or IP address");
                CheckAbsolutePath(request.Path, "path", errors);
                break;
        }
        errors.ThrowIfAny();
        return new VolumeSpec(name!, type,
            type == VolumeType.HostPath ? request.HostPath : null,
            type == VolumeType.OnDemandPvc ? request.StorageClassName : null,
            used.Contains("maxSize") && !string.IsNullOrEmpty(request.MaxSize) ? request.MaxSize : null,
            type == VolumeType.EmptyDir && request.SchedulerReserved == true,
            type == VolumeType.Nfs ? request.Server : null,
            type == VolumeType.Nfs ? request.Path : null,
            tags);
    }

    public static string Code(VolumeType type) => type switch
    {
        VolumeType.HostPath => "HOST_PATH",
        VolumeType.OnDemandPvc => "ON_DEMAND_PVC",
        VolumeType.Tmpfs => "TMPFS",
        VolumeType.EmptyDir => "EMPTY_DIR",
        _ => "NFS",
    };

    public static VolumeType? FromCode(string code) =>
        Enum.GetValues<VolumeType>().Where(t => Code(t) == code).Select(t => (VolumeType?)t).FirstOrDefault();

    private static void CheckAbsolutePath(string? path, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(path))
        {
            errors.Add(field, "is required: an absolute path");
            return;
        }
        errors.Check(path.Length <= MaxPathLength, field, $"must be at most {MaxPathLength} characters");
        errors.Check(path.StartsWith('/'), field, "must be an absolute path starting with '/'");
        errors.Check(!path.Split('/').Contains(".."), field, "must not contain '..'");
        errors.Check(!path.Any(char.IsControl), field, "must not contain control characters");
    }
}
