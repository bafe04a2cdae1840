using System.Net;
using Iomete.Functions.Core.Tests.Support;

namespace Iomete.Functions.Core.Tests.Volumes;

public sealed class VolumeApiTests(CorePlatformFixture fixture) : IClassFixture<CorePlatformFixture>
{
    private const string Root = "/api/v1/admin/volumes";

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Create_EachType_AndList()
    {
        var names = new[] { Unique("host"), Unique("pvc"), Unique("tmp"), Unique("scratch"), Unique("nfs") };
        await fixture.Admin.PostJsonAsync(Root, new { name = names[0], type = "HOST_PATH", hostPath = "/mnt/spark" }, HttpStatusCode.Created);
        await fixture.Admin.PostJsonAsync(Root, new { name = names[1], type = "ON_DEMAND_PVC", storageClassName = "fast-ssd", maxSize = "50Gi" }, HttpStatusCode.Created);
        await fixture.Admin.PostJsonAsync(Root, new { name = names[2], type = "TMPFS", maxSize = "2Gi" }, HttpStatusCode.Created);
        var scratch = await fixture.Admin.PostJsonAsync(Root,
            new { name = names[3], type = "EMPTY_DIR", maxSize = "100Gi", schedulerReserved = true, resourceTags = new[] { new { key = "tier", value = "hot" } } },
            HttpStatusCode.Created);
        await fixture.Admin.PostJsonAsync(Root, new { name = names[4], type = "NFS", server = "nfs.example.com", path = "/exports/spark" }, HttpStatusCode.Created);

        Assert.True(scratch.GetProperty("schedulerReserved").GetBoolean());
        var pvcs = await fixture.Admin.GetJsonAsync($"{Root}?type=ON_DEMAND_PVC");
        Assert.Contains(names[1], pvcs.Names());
        Assert.All(pvcs.GetProperty("items").EnumerateArray(), v => Assert.Equal("ON_DEMAND_PVC", v.Str("type")));
        var nfs = await fixture.Admin.GetJsonAsync($"{Root}/{names[4]}");
        Assert.Equal(("nfs.example.com", "/exports/spark"), (nfs.Str("server"), nfs.Str("path")));
    }

    [Fact]
    public async Task Create_WithFieldsThatDoNotFitTheType_Is400NamingThem()
    {
        var problem = await fixture.Admin.PostJsonAsync(Root,
            new { name = Unique("pvc"), type = "ON_DEMAND_PVC", maxSize = "lots", hostPath = "/x" }, HttpStatusCode.BadRequest);

        Assert.Equal(["hostPath", "maxSize", "storageClassName"], problem.ErrorFields());
    }

    [Fact]
    public async Task Create_WithUnknownType_Is400()
    {
        var problem = await fixture.Admin.PostJsonAsync(Root, new { name = Unique("x"), type = "CEPH" }, HttpStatusCode.BadRequest);

        Assert.Equal(["type"], problem.ErrorFields());
    }

    [Fact]
    public async Task Duplicate_Is409_Update_Replaces_Delete_Removes()
    {
        var name = Unique("tmp");
        await fixture.Admin.PostJsonAsync(Root, new { name, type = "TMPFS", maxSize = "1Gi" }, HttpStatusCode.Created);
        await fixture.Admin.PostJsonAsync(Root, new { name, type = "TMPFS", maxSize = "1Gi" }, HttpStatusCode.Conflict);

        var updated = await fixture.Admin.PutJsonAsync($"{Root}/{name}", new { type = "TMPFS", maxSize = "4Gi" }, HttpStatusCode.OK);
        Assert.Equal("4Gi", updated.Str("maxSize"));

        await fixture.Admin.DeleteJsonAsync($"{Root}/{name}", HttpStatusCode.NoContent);
        await fixture.Admin.GetJsonAsync($"{Root}/{name}", HttpStatusCode.NotFound);
        await fixture.Admin.PutJsonAsync($"{Root}/{name}", new { type = "TMPFS", maxSize = "4Gi" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PlainUser_IsForbidden()
    {
        using var plain = await fixture.UserAsync("plain");

        await plain.GetJsonAsync(Root, HttpStatusCode.Forbidden);
        await plain.PostJsonAsync(Root, new { name = Unique("x"), type = "TMPFS", maxSize = "1Gi" }, HttpStatusCode.Forbidden);
    }
}
