using System.Net;
using System.Text;
using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.Secrets;
using Iomete.Platform.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.Tests.Secrets;

/// <summary>Domain and global secrets through the API, mirrored to the Kubernetes stand-in as core/v1 Secrets.</summary>
public sealed class SecretsApiContractTests(SettingsFixture fixture) : IClassFixture<SettingsFixture>
{
    private static string Root(string domain) => $"/api/v1/domains/{domain}/secrets";

    private string DataOf(string ns, string name, string key)
    {
        Assert.True(fixture.Kube.Secrets.TryGetValue((ns, name), out var secret), $"no Secret {ns}/{name}");
        var data = secret["data"]?[key]?.GetValue<string>();
        return data is null ? throw new KeyNotFoundException($"{ns}/{name} has no key {key}") : Encoding.UTF8.GetString(Convert.FromBase64String(data));
    }

    [Fact]
    public async Task CreateUpdateDelete_DomainSecret_IsMirroredToEveryNamespace_AndNeverAnswered()
    {
        var (domain, _) = await fixture.DomainAsync("sec");
        var value = "s3cr3t-" + Guid.NewGuid().ToString("N");

        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain), new { key = "db.password", value });

        Assert.Equal("db.password", created.Str("key"));
        Assert.Equal("KUBERNETES", created.GetProperty("source").Str("type"));
        Assert.Equal(domain, created.GetProperty("source").Str("id"));
        Assert.Equal("admin", created.Str("createdBy"));
        Assert.False(created.TryGetProperty("value", out _));
        foreach (var ns in SettingsFixture.Namespaces)
        {
            Assert.Equal(value, DataOf(ns, SecretObjects.StoreName(domain), "db.password"));
            var labels = fixture.Kube.Secrets[(ns, SecretObjects.StoreName(domain))]["metadata"]!["labels"]!;
            Assert.Equal("true", labels["iomete.com/managed"]!.GetValue<string>());
            Assert.Equal(domain, labels["iomete.com/domain"]!.GetValue<string>());
        }

        var changed = "changed-" + Guid.NewGuid().ToString("N");
        var updated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root(domain)}/db.password", new { value = changed });
        Assert.DoesNotContain(changed, updated.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(changed, DataOf("team-a", SecretObjects.StoreName(domain), "db.password"));

        var list = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root(domain));
        Assert.Equal(["db.password"], list.Strings("key"));
        Assert.DoesNotContain(changed, list.GetRawText(), StringComparison.Ordinal);

        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root(domain)}/db.password");
        Assert.Throws<KeyNotFoundException>(() => DataOf("iomete-system", SecretObjects.StoreName(domain), "db.password"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Root(domain)}/db.password");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Put, $"{Root(domain)}/db.password", new { value = "x" });
        Assert.Empty(fixture.Kube.SecretErrors);
    }

    [Fact]
    public async Task SecretValues_AppearInNoAnswer_NoAuditEntry_AndNoFileOfTheDataDirectory()
    {
        var (domain, _) = await fixture.DomainAsync("leak");
        var value = "never-shown-" + Guid.NewGuid().ToString("N");
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain), new { key = "token", value });
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/secrets/global", new { key = SettingsFixture.Unique("g"), value });

        var answers = await fixture.Admin.RawAsync(Root(domain)) + await fixture.Admin.RawAsync("/api/v1/secrets/global?limit=1000")
                      + await fixture.Admin.RawAsync("/api/v1/admin/audit-events?limit=1000");
        Assert.Contains("token", answers, StringComparison.Ordinal);
        Assert.DoesNotContain(value, answers, StringComparison.Ordinal);

        // Encrypted at rest: the clear value is in no file (databases, WAL, logs) the platform keeps.
        var needle = Encoding.UTF8.GetBytes(value);
        foreach (var file in Directory.EnumerateFiles(fixture.Platform.DataDir, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }
            catch (IOException)
            {
                continue;
            }
            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{file} holds the secret value in clear");
        }
    }

    [Fact]
    public async Task Create_Validates_KeyAndValue_AndRefusesADuplicateKey()
    {
        var (domain, _) = await fixture.DomainAsync("val");

        Assert.Equal(["key"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root(domain), new { key = "has space", value = "v" })).ErrorFields());
        Assert.Equal(["key"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root(domain), new { key = new string('k', 254), value = "v" })).ErrorFields());
        Assert.Equal(["value"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root(domain), new { key = "k" })).ErrorFields());
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain), new { key = "A-b_c.9", value = "v" });
        var conflict = await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, Root(domain), new { key = "A-b_c.9", value = "w" });
        Assert.Contains("A-b_c.9", conflict.Str("detail"), StringComparison.Ordinal);
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, Root("no-such-domain"));
    }

    [Fact]
    public async Task Permissions_AnonymousIs401_PlainUserIs403_ListNeedsListSecrets_WritesNeedManageSecrets()
    {
        var (domain, domainBundle) = await fixture.DomainAsync("perm");
        using var anonymous = fixture.Platform.Anonymous();
        Assert.Equal("UNAUTHORIZED", (await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, Root(domain))).Str("errorCode"));
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/secrets/global");

        var (_, plain) = await fixture.UserAsync("plain");
        await plain.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Root(domain));
        await plain.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, Root(domain), new { key = "k", value = "v" });
        await plain.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/admin/secrets/global", new { key = "k", value = "v" });
        await plain.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/secrets/global");

        var (listerId, lister) = await fixture.UserAsync("lister");
        await fixture.GrantAsync(domainBundle, listerId, "DOMAIN", "LIST_SECRETS");
        await lister.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root(domain));
        await lister.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, Root(domain), new { key = "k", value = "v" });

        var (managerId, manager) = await fixture.UserAsync("manager");
        await fixture.GrantAsync(domainBundle, managerId, "DOMAIN", "MANAGE_SECRETS");
        await manager.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain), new { key = "k", value = "v" });
        await manager.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root(domain)}/k", new { value = "w" });
        await manager.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root(domain)}/k");

        var (_, adminManager) = await fixture.UserAsync("adm", "ADMINISTRATION_MANAGER");
        var key = SettingsFixture.Unique("global");
        await adminManager.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/secrets/global", new { key, value = "v" });
        await adminManager.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/admin/secrets/global/{key}");
    }

    [Fact]
    public async Task GlobalSecrets_AreListedReadOnly_AndMirroredToTheGlobalStore()
    {
        var key = SettingsFixture.Unique("global");
        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/secrets/global", new { key, value = "gv" });
        Assert.False(created.GetProperty("source").TryGetProperty("id", out var id) && id.ValueKind != System.Text.Json.JsonValueKind.Null,
            "a global secret names no domain");

        var (_, plain) = await fixture.UserAsync("reader");
        var listed = await plain.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/secrets/global?search={key}");
        Assert.Equal([key], listed.Strings("key"));
        foreach (var ns in SettingsFixture.Namespaces)
        {
            Assert.Equal("gv", DataOf(ns, "iomete-secret-store", key));
        }
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/secrets/global/{key}", new { value = "gv2" });
        Assert.Equal("gv2", DataOf("team-a", "iomete-secret-store", key));
        Assert.Empty(fixture.Kube.SecretErrors);
    }

    [Fact]
    public async Task WhenTheApiServerRefuses_TheChangeIsSavedWith502_AndTheNextChangeRewritesTheStore()
    {
        var (domain, _) = await fixture.DomainAsync("fail");
        fixture.Kube.FailSecretWrites = 500;
        try
        {
            var problem = await fixture.Admin.ExpectAsync(HttpStatusCode.BadGateway, HttpMethod.Post, Root(domain), new { key = "first", value = "one" });
            Assert.Contains("saved", problem.Str("detail"), StringComparison.Ordinal);
        }
        finally
        {
            fixture.Kube.FailSecretWrites = null;
        }
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain), new { key = "second", value = "two" });

        Assert.Equal("one", DataOf("iomete-system", SecretObjects.StoreName(domain), "first"));
        Assert.Equal("two", DataOf("iomete-system", SecretObjects.StoreName(domain), "second"));
    }

    [Fact]
    public async Task SecretReferences_NameEveryMissingKey_AcceptDomainAndGlobalKeys_AndRefuseVault()
    {
        var (domain, _) = await fixture.DomainAsync("refs");
        var globalKey = SettingsFixture.Unique("gref");
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain), new { key = "present", value = "v" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/secrets/global", new { key = globalKey, value = "v" });
        var references = fixture.Platform.Services.GetRequiredService<SecretReferences>();
        var inDomain = new SecretSource(SecretObjects.Kubernetes, domain);
        var global = new SecretSource(SecretObjects.Kubernetes, null);

        await references.ValidateAsync(domain, [new SecretObject("present", inDomain), new SecretObject(globalKey, global)], CancellationToken.None);

        var missing = await Assert.ThrowsAsync<ValidationException>(() => references.ValidateAsync(domain,
            [new SecretObject("present", inDomain), new SecretObject("absent", inDomain), new SecretObject("present", global)], CancellationToken.None));
        Assert.Contains($"absent (domain {domain})", missing.Detail, StringComparison.Ordinal);
        Assert.Contains("present (global)", missing.Detail, StringComparison.Ordinal);

        var vault = await Assert.ThrowsAsync<ValidationException>(() => references.ValidateAsync(domain,
            [new SecretObject("present", new SecretSource(SecretObjects.Vault, "vault-1"))], CancellationToken.None));
        Assert.Contains("Vault integrations are not configured", vault.Detail, StringComparison.Ordinal);

        await Assert.ThrowsAsync<ValidationException>(() => references.ValidateAsync(domain,
            [new SecretObject("present", new SecretSource(SecretObjects.Kubernetes, "other-domain"))], CancellationToken.None));
    }
}

/// <summary>Without a data plane, secrets live in the database only.</summary>
public sealed class SecretsWithoutDataPlaneTests(NoDataPlaneSettingsFixture fixture) : IClassFixture<NoDataPlaneSettingsFixture>
{
    [Fact]
    public async Task CreateAndList_WorkWithoutADataPlane()
    {
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/domains/default/secrets", new { key = "k1", value = "v" });
        var list = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/domains/default/secrets");
        Assert.Contains("k1", list.Strings("key"));
    }
}
