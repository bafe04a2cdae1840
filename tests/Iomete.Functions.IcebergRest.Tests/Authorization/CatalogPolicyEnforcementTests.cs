using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Iomete.Functions.IcebergRest.Tests.Support;

namespace Iomete.Functions.IcebergRest.Tests.Authorization;

/// <summary>
/// The REST catalog decides every operation with the data-security policies (Polaris' operation → privilege map in
/// terms of IOMETE's access types): listings show only what a user may see, creates need CREATE, commits need what
/// they change (INSERT for an append, DELETE for a delete, ALTER for schema or properties), drops need DROP.
/// </summary>
public sealed class CatalogPolicyEnforcementTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private async Task<(HttpClient User, string Name)> AnalystAsync()
    {
        var name = IcebergFixture.Unique("analyst").Replace('_', '-');
        var (status, _) = await fixture.Admin.SendJsonAsync(HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username = name, email = name + "@example.com", password = IcebergFixture.UserPassword });
        Assert.Equal(HttpStatusCode.Created, status);
        return (await fixture.Platform.LoginAsync(name, IcebergFixture.UserPassword), name);
    }

    private async Task GrantAsync(string user, string ns, string table, params string[] accesses) =>
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/access/policy", new
        {
            name = IcebergFixture.Unique("grant").Replace('_', '-'),
            resources = new[] { new { databases = new[] { $"{IcebergFixture.Catalog}.{ns}" }, tables = new[] { table }, columns = new[] { "*" } } },
            allowPolicyItems = new[] { new { users = new[] { user }, accesses } },
        });

    private async Task DenyAsync(string user, string ns, string table, params string[] accesses) =>
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/access/policy", new
        {
            name = IcebergFixture.Unique("deny").Replace('_', '-'),
            resources = new[] { new { databases = new[] { $"{IcebergFixture.Catalog}.{ns}" }, tables = new[] { table }, columns = new[] { "*" } } },
            denyPolicyItems = new[] { new { users = new[] { user }, accesses } },
        });

    [Fact]
    public async Task CreatingATable_NeedsCreate_OnTheDatabase()
    {
        var ns = await fixture.Admin.NamespaceAsync("pol");
        var (analyst, name) = await AnalystAsync();
        using var user = analyst;
        await user.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Post, TableRequests.TablesOf(ns), TableRequests.CreateBody("mine"));
        await GrantAsync(name, ns, "*", "CREATE");
        await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, TableRequests.TablesOf(ns), TableRequests.CreateBody("mine"));
    }

    [Fact]
    public async Task Commits_NeedWhatTheyChange()
    {
        var ns = await fixture.Admin.NamespaceAsync("pol");
        var created = await fixture.Admin.CreateTableAsync(ns, "events");
        var location = created.GetProperty("metadata").GetProperty("location").GetString()!;
        var (analyst, name) = await AnalystAsync();
        using var user = analyst;
        var url = TableRequests.Table(ns, "events");

        // Everyone may read (the default policy), nobody but managers may write.
        await user.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Post, url, TableRequests.AppendCommit(1, null, 1, location));
        await GrantAsync(name, ns, "events", "INSERT");
        await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, url, TableRequests.AppendCommit(1, null, 1, location));

        // INSERT does not allow a schema or property change.
        var setProperty = new { requirements = Array.Empty<object>(), updates = new object[] { new { action = "set-properties", updates = new Dictionary<string, string> { ["k"] = "v" } } } };
        await user.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Post, url, setProperty);
        await GrantAsync(name, ns, "events", "ALTER");
        await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, url, setProperty);

        await user.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Delete, url);
    }

    [Fact]
    public async Task Listings_ShowOnlyWhatTheUserMaySee_AndDeniedTablesCannotBeLoaded()
    {
        var ns = await fixture.Admin.NamespaceAsync("pol");
        await fixture.Admin.CreateTableAsync(ns, "open");
        await fixture.Admin.CreateTableAsync(ns, "secret");
        var (analyst, name) = await AnalystAsync();
        using var user = analyst;
        await DenyAsync(name, ns, "secret", "ALL");

        var listed = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, TableRequests.TablesOf(ns));
        var names = listed.GetProperty("identifiers").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains("open", names);
        Assert.DoesNotContain("secret", names);
        await user.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Get, TableRequests.Table(ns, "secret"));
        await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, TableRequests.Table(ns, "open"));

        // The privileges route the ingest endpoint asks answers from the same policies.
        var privileges = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/catalogs/{IcebergFixture.Catalog}/namespaces/{ns}/tables/open/privileges");
        Assert.Equal(["SELECT"], privileges.GetProperty("privileges").EnumerateArray().Select(p => p.GetString()!).ToArray());
        await GrantAsync(name, ns, "open", "INSERT");
        privileges = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/catalogs/{IcebergFixture.Catalog}/namespaces/{ns}/tables/open/privileges");
        Assert.Contains("INSERT", privileges.GetProperty("privileges").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task ATrustedEngine_ReceivesTheCallersRowFilterAndMasks_InTheTableConfig()
    {
        var ns = await fixture.Admin.NamespaceAsync("pol");
        await fixture.Admin.CreateTableAsync(ns, "people");
        var (analyst, name) = await AnalystAsync();
        using var user = analyst;
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/filter/policy", new
        {
            name = IcebergFixture.Unique("filter").Replace('_', '-'),
            resources = new[] { new { databases = new[] { $"{IcebergFixture.Catalog}.{ns}" }, tables = new[] { "people" } } },
            rowFilterPolicyItems = new[] { new { users = new[] { name }, filterExpr = "id > 10" } },
        });
        var secret = fixture.Platform.Services.GetRequiredService<Iomete.DataSecurity.Decisions.TrustedEngine>().Secret;
        using var request = new HttpRequestMessage(HttpMethod.Get, TableRequests.Table(ns, "people"));
        request.Headers.Add("X-Iomete-Trusted-Engine", secret);
        using var response = await user.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var policy = JsonDocument.Parse(JsonDocument.Parse(text).RootElement.GetProperty("config").GetProperty("iomete.data-policy").GetString()!).RootElement;
        Assert.Equal("id > 10", policy.GetProperty("rowFilter").GetString());

        // Without the secret the same caller is refused: it would not apply the filter.
        await user.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Get, TableRequests.Table(ns, "people"));
    }
}
