using System.Net;
using Iomete.Functions.Identity.DataSecurity.Audit;
using Iomete.Functions.Identity.DataSecurity.Policies;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

/// <summary>The store's SQL on the cluster engine: one walk through every table on PostgreSQL.</summary>
public sealed class PostgresStoreTests(PostgresPlatform fixture) : IClassFixture<PostgresPlatform>
{
    private const string Base = DataSecurityClients.Base;

    [ServiceFact(TestService.Postgres)]
    public async Task PoliciesRolesTagsImportAndAudit_WorkOnPostgres()
    {
        var platform = fixture.Platform;
        using var admin = await platform.LoginAsync();
        var store = platform.Services.GetRequiredService<DataPolicyStore>();
        var start = await store.CurrentVersionAsync(CancellationToken.None);

        var created = await admin.PostJsonAsync($"{Base}/access/policy", DataSecurityClients.AccessPolicy("pg-policy"), HttpStatusCode.Created);
        await admin.PutJsonAsync($"{Base}/access/policy/{created.Id()}", DataSecurityClients.AccessPolicy("pg-policy", user: "bob"), HttpStatusCode.OK);
        await admin.PutJsonAsync($"{Base}/access/policy/{created.Id()}", new
        {
            name = "pg-policy", version = 1, resources = new[] { new { databases = new[] { "a.b" } } },
        }, HttpStatusCode.Conflict);
        await admin.PostJsonAsync($"{Base}/access/policy", DataSecurityClients.AccessPolicy("pg-policy"), HttpStatusCode.Conflict);
        var role = await admin.PostJsonAsync($"{Base}/roles", new { name = "pg-role", users = new[] { new { name = "u" } } }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"{Base}/roles/{role.Id()}", new { name = "pg-role", version = 1 }, HttpStatusCode.OK);
        await admin.PutJsonAsync($"{Base}/resource-tags", new { catalog = "c", database = "d", table = "t", tags = new[] { "PII" } }, HttpStatusCode.OK);
        await admin.PutJsonAsync($"{Base}/resource-tags", new { catalog = "c", database = "d", table = "t", tags = new[] { "PII", "HR" } }, HttpStatusCode.OK);
        var export = await admin.GetStringAsync($"{Base}/export");
        using (var imported = await admin.PostAsync($"{Base}/import", new StringContent(export, System.Text.Encoding.UTF8, "application/json")))
        {
            await imported.JsonAsync(HttpStatusCode.OK);
        }

        var snapshot = await store.SnapshotAsync(CancellationToken.None);
        Assert.True(snapshot.Version > start);
        Assert.Contains(snapshot.ResourcePolicies, p => p.Name == "pg-policy" && p.PolicyItems[0].Users[0] == "bob");
        Assert.Contains(snapshot.ResourcePolicies, p => p.Name == "default-read-all");
        Assert.Contains(snapshot.Roles, r => r.Name == "pg-role");

        var log = platform.Services.GetRequiredService<DataAccessAuditLog>();
        log.Record(new DataAccessAuditEntry(DateTimeOffset.UtcNow, "pg-user", "sql", "c.d.t", "table", "select", false) { Tags = ["PII"] });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long total;
        do
        {
            await Task.Delay(100);
            total = (await admin.GetJsonAsync($"{Base}/audit?user=pg-user&result=DENIED")).GetProperty("total").GetInt64();
        }
        while (total == 0 && DateTime.UtcNow < deadline);
        Assert.Equal(1, total);
    }
}
