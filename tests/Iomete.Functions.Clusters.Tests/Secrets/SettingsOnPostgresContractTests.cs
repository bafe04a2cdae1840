using System.Net;
using Iomete.Functions.Clusters.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.Tests.Secrets;

/// <summary>The settings' SQL (composite keys, upserts, unique violations) on PostgreSQL, through the API.</summary>
public sealed class SettingsOnPostgresContractTests(PostgresSettingsFixture fixture) : IClassFixture<PostgresSettingsFixture>
{
    [Fact]
    public async Task SecretsRegistriesAliasesNamespacesAndNotifications_WorkOnPostgres()
    {
        if (!fixture.Started)
        {
            return;
        }
        var admin = fixture.Admin;
        var (domain, _) = await fixture.DomainAsync("pg");

        await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/domains/{domain}/secrets", new { key = "Db_Pass", value = "v1" });
        await admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/v1/domains/{domain}/secrets", new { key = "Db_Pass", value = "v2" });
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/domains/{domain}/secrets/Db_Pass", new { value = "v3" });
        Assert.Equal(["Db_Pass"], (await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/domains/{domain}/secrets?search=db_&sort=-updatedAt")).Strings("key"));
        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/domains/{domain}/secrets/Db_Pass");

        var registry = SettingsFixture.Unique("pg");
        await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/docker/registries", new { name = registry, host = "h", @namespace = "team-a", username = "u", password = "p" });
        await admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, "/api/v1/admin/docker/registries", new { name = registry, host = "h", @namespace = "team-a", username = "u", password = "p" });
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/docker/registries/{registry}", new { host = "h2", username = "u", password = "p2" });
        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/admin/docker/registries/{registry}");

        await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/domains/{domain}/docker/tag-aliases", new { alias = "x", value = "1" });
        await admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/v1/domains/{domain}/docker/tag-aliases", new { alias = "x", value = "2" });

        var bundle = await fixture.BundleAsync(domain);
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/v1/admin/namespaces/team-a", new { resourceBundleId = bundle });
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/v1/admin/namespaces/team-a", new { resourceBundleId = bundle });
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/v1/admin/namespaces/team-a", new { resourceBundleId = (string?)null });

        var job = Guid.NewGuid().ToString();
        var root = $"/api/v2/domains/{domain}/spark/jobs/{job}/notifications";
        await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, root, new { email = "a@example.com", events = new[] { "ON_SUCCESS" } });
        await admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, root, new { email = "a@example.com", events = new[] { "ON_ABORT" } });
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{root}/silence", new { duration = "1d" });
        var replaced = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{root}/silence", new { duration = "30m" });
        Assert.Equal("30m", (await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{root}/silence")).Str("duration"));
        Assert.Equal(replaced.GetProperty("silencedUntil").GetDateTimeOffset(), (await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{root}/silence")).GetProperty("silencedUntil").GetDateTimeOffset());

        var notices = fixture.Platform.Services.GetRequiredService<NoticeStore>();
        Assert.True(await notices.TryClaimAsync("run-1", NotificationEvent.OnSuccess, "a@example.com", domain, job, NoticeStatus.Sending, CancellationToken.None));
        Assert.False(await notices.TryClaimAsync("run-1", NotificationEvent.OnSuccess, "a@example.com", domain, job, NoticeStatus.Sending, CancellationToken.None));
        await notices.MarkAsync("run-1", NotificationEvent.OnSuccess, "a@example.com", NoticeStatus.Sent, null, CancellationToken.None);
        Assert.Equal([("OnSuccess", "a@example.com", "Sent")], await notices.ForRunAsync("run-1", CancellationToken.None));
    }
}
