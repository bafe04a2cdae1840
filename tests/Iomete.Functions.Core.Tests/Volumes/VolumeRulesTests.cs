using Iomete.Functions.Core.Volumes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Core.Tests.Volumes;

public sealed class VolumeRulesTests
{
    private static VolumeRequest Request(VolumeType? type, string? hostPath = null, string? storageClassName = null, string? maxSize = null,
        bool? schedulerReserved = null, string? server = null, string? path = null, string name = "scratch") =>
        new(name, type, hostPath, storageClassName, maxSize, schedulerReserved, server, path, null);

    private static string[] ErrorFields(VolumeRequest request) =>
        Assert.Throws<ValidationException>(() => VolumeRules.Validate(request, null)).Errors!.Keys.Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Validate_AcceptsEachTypeWithItsFields()
    {
        Assert.Equal("/mnt/data", VolumeRules.Validate(Request(VolumeType.HostPath, hostPath: "/mnt/data"), null).HostPath);
        var pvc = VolumeRules.Validate(Request(VolumeType.OnDemandPvc, storageClassName: "fast-ssd", maxSize: "50Gi"), null);
        Assert.Equal(("fast-ssd", "50Gi"), (pvc.StorageClassName, pvc.MaxSize));
        Assert.Equal("2Gi", VolumeRules.Validate(Request(VolumeType.Tmpfs, maxSize: "2Gi"), null).MaxSize);
        var emptyDir = VolumeRules.Validate(Request(VolumeType.EmptyDir, maxSize: "100Gi", schedulerReserved: true), null);
        Assert.True(emptyDir.SchedulerReserved);
        Assert.Null(VolumeRules.Validate(Request(VolumeType.EmptyDir), null).MaxSize);
        var nfs = VolumeRules.Validate(Request(VolumeType.Nfs, server: "10.0.0.5", path: "/exports/spark"), null);
        Assert.Equal(("10.0.0.5", "/exports/spark"), (nfs.Server, nfs.Path));
    }

    [Fact]
    public void Validate_WithoutType_NamesTypeAndOtherErrors()
    {
        Assert.Equal(["name", "type"], ErrorFields(Request(null, name: "Bad Name")));
    }

    [Fact]
    public void Validate_RequiresTheTypesFields()
    {
        Assert.Equal(["hostPath"], ErrorFields(Request(VolumeType.HostPath)));
        Assert.Equal(["hostPath"], ErrorFields(Request(VolumeType.HostPath, hostPath: "/a/../etc")));
        Assert.Equal(["maxSize", "storageClassName"], ErrorFields(Request(VolumeType.OnDemandPvc)));
        Assert.Equal(["maxSize"], ErrorFields(Request(VolumeType.Tmpfs, maxSize: "10GB")));
        Assert.Equal(["maxSize"], ErrorFields(Request(VolumeType.EmptyDir, schedulerReserved: true)));
        Assert.Equal(["path", "server"], ErrorFields(Request(VolumeType.Nfs, server: "bad host!", path: "relative")));
    }

    [Fact]
    public void Validate_RejectsFieldsOfOtherTypes()
    {
        Assert.Equal(["maxSize", "server"], ErrorFields(Request(VolumeType.HostPath, hostPath: "/x", maxSize: "1Gi", server: "nfs")));
    }

    [Fact]
    public void Validate_WithNameLongerThanALabel_IsRejected()
    {
        Assert.Equal(["name"], ErrorFields(Request(VolumeType.Tmpfs, maxSize: "1Gi", name: new string('a', 64))));
    }
}
