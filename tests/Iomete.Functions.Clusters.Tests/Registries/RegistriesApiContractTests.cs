using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.Tests.Secrets;

namespace Iomete.Functions.Clusters.Tests.Registries;

/// <summary>Private docker registries and their kubernetes.io/dockerconfigjson Secrets on the Kubernetes stand-in.</summary>
public sealed class RegistriesApiContractTests(SettingsFixture fixture) : IClassFixture<SettingsFixture>
{
    private const string Root = "/api/v1/admin/docker/registries";

    private JsonObject DockerConfig(string ns, string name)
    {
        Assert.True(fixture.Kube.Secrets.TryGetValue((ns, "iomete-registry-" + name), out var secret), $"no pull Secret for {name} in {ns}");
        Assert.Equal("kubernetes.io/dockerconfigjson", secret["type"]!.GetValue<string>());
        var encoded = secret["data"]![".dockerconfigjson"]!.GetValue<string>();
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)))!.AsObject();
    }

    [Fact]
    public async Task Create_WritesThePullSecret_Update_RewritesIt_Delete_RemovesIt_AndThePasswordIsNeverAnswered()
    {
        var name = SettingsFixture.Unique("reg");
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root,
            new { name, host = "registry.example.com:5000", @namespace = "team-a", username = "robot", password });

        Assert.Equal("iomete-registry-" + name, created.Str("pullSecretName"));
        var auth = DockerConfig("team-a", name)["auths"]!["registry.example.com:5000"]!;
        Assert.Equal("robot", auth["username"]!.GetValue<string>());
        Assert.Equal(password, auth["password"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes($"robot:{password}")), auth["auth"]!.GetValue<string>());
        Assert.False(fixture.Kube.Secrets.ContainsKey(("iomete-system", "iomete-registry-" + name)));

        var newPassword = "pw2-" + Guid.NewGuid().ToString("N");
        var updated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root}/{name}",
            new { host = "ghcr.io", username = "bot", password = newPassword });
        Assert.Equal("ghcr.io", updated.Str("host"));
        var config = DockerConfig("team-a", name);
        Assert.Equal(newPassword, config["auths"]!["ghcr.io"]!["password"]!.GetValue<string>());
        Assert.Null(config["auths"]!["registry.example.com:5000"]);

        var answers = created.GetRawText() + updated.GetRawText() + await fixture.Admin.RawAsync(Root) + await fixture.Admin.RawAsync($"{Root}/{name}");
        Assert.DoesNotContain(password, answers, StringComparison.Ordinal);
        Assert.DoesNotContain(newPassword, answers, StringComparison.Ordinal);
        Assert.DoesNotContain("\"password\"", answers, StringComparison.Ordinal);

        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root}/{name}");
        Assert.False(fixture.Kube.Secrets.ContainsKey(("team-a", "iomete-registry-" + name)));
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{Root}/{name}");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Root}/{name}");
        Assert.Empty(fixture.Kube.SecretErrors);
    }

    [Fact]
    public async Task Validation_NameNamespaceHost_Immutability_AndDuplicates()
    {
        var name = SettingsFixture.Unique("val");
        object Body(string n, string ns = "iomete-system", string host = "r.example.com") => new { name = n, host, @namespace = ns, username = "u", password = "p" };

        Assert.Equal(["name"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root, Body("Upper_Case"))).ErrorFields());
        Assert.Equal(["namespace"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root, Body(name, ns: "elsewhere"))).ErrorFields());
        Assert.Equal(["host"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root, Body(name, host: "has space"))).ErrorFields());
        Assert.Equal(["password"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root,
            new { name, host = "h", @namespace = "iomete-system", username = "u" })).ErrorFields());

        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root, Body(name));
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, Root, Body(name));
        Assert.Equal(["namespace"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Root}/{name}",
            new { host = "h", username = "u", password = "p", @namespace = "team-a" })).ErrorFields());
        Assert.Equal(["name"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Root}/{name}",
            new { host = "h", username = "u", password = "p", name = "other" })).ErrorFields());
        Assert.Equal(["password"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Root}/{name}",
            new { host = "h", username = "u" })).ErrorFields());
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Put, $"{Root}/no-such", new { host = "h", username = "u", password = "p" });
    }

    [Fact]
    public async Task Permissions_AnonymousIs401_PlainUserIs403_ComputeResourcesManagerMayManage()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, Root);
        var (_, plain) = await fixture.UserAsync("plain");
        await plain.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Root);
        await plain.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, Root, new { name = "x", host = "h", @namespace = "iomete-system", username = "u", password = "p" });

        var (_, crm) = await fixture.UserAsync("crm", "COMPUTE_RESOURCES_MANAGER");
        var name = SettingsFixture.Unique("crm");
        await crm.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root, new { name, host = "h", @namespace = "iomete-system", username = "u", password = "p" });
        Assert.Contains(name, (await crm.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root)).Strings("name"));
        await crm.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root}/{name}");
    }
}
