using System.Net;
using Iomete.Functions.Core.Tests.Support;

namespace Iomete.Functions.Core.Tests.NodeTypes;

public sealed class NodeTypeApiTests(CorePlatformFixture fixture) : IClassFixture<CorePlatformFixture>
{
    private const string Root = "/api/v1/admin/node-types";

    private static object Body(string name, int cpu = 2000, int memory = 4096) => new
    {
        name,
        description = "general purpose",
        cpu,
        memory,
        availableFor = new[] { "DRIVER", "EXECUTOR" },
        resourceTags = new[] { new { key = "team", value = "platform" } },
    };

    [Fact]
    public async Task List_HasTheSeededDefaults_AndFiltersByUsage()
    {
        var drivers = await fixture.Admin.GetJsonAsync($"{Root}?availableFor=DRIVER&search=driver&sort=-cpu");

        Assert.Equal(["driver-x-large", "driver-large", "driver-medium", "driver-small"], drivers.Names());
        var small = drivers.GetProperty("items")[3];
        Assert.Equal((1000, 8192), (small.GetProperty("cpu").GetInt32(), small.GetProperty("memory").GetInt32()));
    }

    [Fact]
    public async Task Create_Get_Update_Delete_RoundTrips()
    {
        var name = "nt-" + Guid.NewGuid().ToString("N")[..8];

        var created = await fixture.Admin.PostJsonAsync(Root, Body(name), HttpStatusCode.Created);
        Assert.Equal(2000, created.GetProperty("cpu").GetInt32());
        Assert.Equal("platform", created.GetProperty("resourceTags")[0].Str("value"));
        await fixture.Admin.PostJsonAsync(Root, Body(name), HttpStatusCode.Conflict);

        var updated = await fixture.Admin.PutJsonAsync($"{Root}/{name}", Body(name, cpu: 500, memory: 2048), HttpStatusCode.OK);
        Assert.Equal(500, updated.GetProperty("cpu").GetInt32());
        Assert.Equal(2048, (await fixture.Admin.GetJsonAsync($"{Root}/{name}")).GetProperty("memory").GetInt32());

        await fixture.Admin.DeleteJsonAsync($"{Root}/{name}", HttpStatusCode.NoContent);
        await fixture.Admin.GetJsonAsync($"{Root}/{name}", HttpStatusCode.NotFound);
        Assert.DoesNotContain(name, (await fixture.Admin.GetJsonAsync($"{Root}?search={name}")).Names());
        await fixture.Admin.PostJsonAsync(Root, Body(name), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_WithInvalidFields_Is400NamingThem()
    {
        var problem = await fixture.Admin.PostJsonAsync(Root, new
        {
            name = "Has Spaces",
            cpu = 5,
            memory = 100,
            availableFor = Array.Empty<string>(),
            resourceTags = new[] { new { key = "-bad", value = "ok" } },
        }, HttpStatusCode.BadRequest);

        Assert.Equal(["availableFor", "cpu", "memory", "name", "resourceTags[0].key"], problem.ErrorFields());
    }

    [Fact]
    public async Task Update_WithAnotherName_Is400_AndUnknownIs404()
    {
        var problem = await fixture.Admin.PutJsonAsync($"{Root}/driver-small", Body("renamed"), HttpStatusCode.BadRequest);
        Assert.Equal(["name"], problem.ErrorFields());

        await fixture.Admin.PutJsonAsync($"{Root}/no-such-type", Body("no-such-type"), HttpStatusCode.NotFound);
        await fixture.Admin.DeleteJsonAsync($"{Root}/no-such-type", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ComputeResourcesManager_MayChange_OthersMayNot()
    {
        using var manager = await fixture.UserAsync("compute", "COMPUTE_RESOURCES_MANAGER");
        using var auditor = await fixture.UserAsync("auditor", "DATA_SECURITY_AND_AUDIT_MANAGER");
        var name = "nt-" + Guid.NewGuid().ToString("N")[..8];

        await manager.PostJsonAsync(Root, Body(name), HttpStatusCode.Created);
        await auditor.GetJsonAsync(Root, HttpStatusCode.Forbidden);
        await auditor.DeleteJsonAsync($"{Root}/{name}", HttpStatusCode.Forbidden);
        await manager.DeleteJsonAsync($"{Root}/{name}", HttpStatusCode.NoContent);
    }
}
