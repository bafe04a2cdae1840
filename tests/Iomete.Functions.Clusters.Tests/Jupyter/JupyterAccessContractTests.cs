using System.Net;

namespace Iomete.Functions.Clusters.Tests.Jupyter;

/// <summary>Contract tests: who may create, see, run and connect to Jupyter containers.</summary>
public sealed class JupyterAccessContractTests(JupyterFixture fixture) : IClassFixture<JupyterFixture>
{
    private const string Root = JupyterFixture.Root;

    [Fact]
    public async Task Anonymous_Gets401ProblemJson()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, Root);
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Post, Root, new { name = "x" });
    }

    [Fact]
    public async Task APlainMember_CannotCreate_NorSeeOthersContainers()
    {
        var created = await fixture.CreateAsync();
        var id = created.Str("id");
        var (_, member) = await fixture.UserAsync("plain", "VIEW_DATA_CATALOG");
        using (member)
        {
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Root,
                new { name = JupyterFixture.Unique("nb"), resourceBundleId = fixture.BundleId, nodeType = "driver-small" });
            var list = await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root);
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.Str("id") == id);
            foreach (var (method, path) in new[] { (HttpMethod.Get, ""), (HttpMethod.Post, "/start"), (HttpMethod.Post, "/terminate"), (HttpMethod.Delete, ""), (HttpMethod.Get, "/connection") })
                await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", method, $"{Root}/{id}{path}");
        }
        var (_, stranger) = await fixture.UserAsync("stranger");
        using (stranger)
            await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, Root);
    }

    [Fact]
    public async Task MyAndShared_SplitTheList_AndOnlyTheOwnerGetsTheToken()
    {
        var bundle = await fixture.NewBundleAsync();
        var (userId, creator) = await fixture.UserAsync("creator", "CREATE_JUPYTER_CONTAINER");
        using (creator)
        {
            await fixture.GrantAsync(bundle, userId, "VIEW", "RUN");
            var mine = await fixture.CreateAsync(creator, bundleId: bundle);
            var shared = await fixture.CreateAsync(bundleId: bundle);
            var hidden = await fixture.CreateAsync();

            var my = await creator.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}?view=my");
            Assert.Equal([mine.Str("id")], my.GetProperty("items").EnumerateArray().Select(c => c.Str("id")));
            var others = await creator.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}?view=shared&limit=500");
            var sharedIds = others.GetProperty("items").EnumerateArray().Select(c => c.Str("id")).ToList();
            Assert.Contains(shared.Str("id"), sharedIds);
            Assert.DoesNotContain(hidden.Str("id"), sharedIds);
            Assert.DoesNotContain(mine.Str("id"), sharedIds);

            await creator.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{mine.Str("id")}/connection");
            await creator.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/{shared.Str("id")}/connection");
            // RUN without UPDATE/DELETE: terminate yes, configure and delete no.
            await creator.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{shared.Str("id")}/terminate");
            await creator.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Put, $"{Root}/{shared.Str("id")}", new { nodeType = "driver-medium" });
            await creator.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Delete, $"{Root}/{shared.Str("id")}");
            await creator.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{Root}?view=everyone");
        }
    }
}
