using System.Net;
using System.Text;
using Iomete.Testing;

namespace Iomete.Integration.Tests.Journeys;

/// <summary>
/// The issue's "done when", as a user would do it, on the cluster engines: PostgreSQL metadata
/// and an S3 store (s3rver). Log in, create a user, a group, a token, a domain and a bundle,
/// grant permissions, see them enforced, restart, and find everything still there.
/// </summary>
public sealed class AdministratorJourneyTests
{
    [ServiceFact(TestService.Postgres, TestService.S3rver)]
    public async Task AnAdministrator_SetsUpADomain_AndPermissionsAreEnforced_AcrossARestart()
    {
        var postgres = await PostgresServer.SharedAsync();
        var s3 = await S3rverServer.SharedAsync();
        var settings = postgres.Settings(PostgresServer.NewDatabasePrefix());
        foreach (var (key, value) in s3.Settings("journey-" + Guid.NewGuid().ToString("N")[..8]))
        {
            settings[key] = value;
        }
        const string password = "Journey-pass-123";

        string aliceToken;
        await using (var platform = await LocalPlatform.StartAsync(settings))
        {
            using var admin = await platform.LoginAsync();

            // People and a group.
            var alice = await admin.PostJsonAsync("/api/v1/admin/identity/users", new { username = "alice", email = "alice@example.com", password });
            var bob = await admin.PostJsonAsync("/api/v1/admin/identity/users", new { username = "bob", email = "bob@example.com", password });
            var analysts = await admin.PostJsonAsync("/api/v1/admin/identity/groups", new { name = "analysts", description = "Sales analysts" });
            await admin.PostJsonAsync($"/api/v1/admin/identity/groups/{analysts.Str("id")}/members", new { userId = bob.Str("id") }, HttpStatusCode.NoContent);

            // Alice makes a personal access token and uses it through X-API-Token.
            using var aliceSession = await platform.LoginAsync("alice", password);
            var token = await aliceSession.PostJsonAsync("/api/v1/auth/tokens", new { name = "laptop" });
            aliceToken = token.Str("token");
            using var aliceApi = platform.WithApiToken(aliceToken);
            Assert.Equal("alice", (await aliceApi.GetJsonAsync("/api/v1/user")).Str("username"));

            // A domain owned by alice, and a bundle of hers holding a compute asset.
            await admin.PostJsonAsync("/api/v2/admin/domains", new { id = "sales", name = "Sales", owner = new { id = alice.Str("id"), type = "USER" } });
            var bundle = await aliceApi.PostJsonAsync("/api/v1/bundles", new { name = "sales-compute", description = "Clusters of the sales team", domain = "sales" });
            var bundleId = bundle.Str("id");
            await aliceApi.PostJsonAsync($"/api/v1/bundles/{bundleId}/assets", new { assetType = "COMPUTE", assetId = "cluster-1" }, HttpStatusCode.Created);

            // Bob has no permission yet: the domain's settings and the bundle are closed to him.
            using var bobApi = await platform.LoginAsync("bob", password);
            await bobApi.GetJsonAsync("/api/v1/domains/sales/spark-settings", HttpStatusCode.Forbidden);
            await bobApi.GetJsonAsync($"/api/v1/bundles/{bundleId}/assets", HttpStatusCode.Forbidden);

            // Alice grants the analysts group VIEW on compute, and domain settings viewing.
            await aliceApi.PostJsonAsync($"/api/v1/bundles/{bundleId}/permissions",
                new { actorId = analysts.Str("id"), actorType = "GROUP", permissions = new Dictionary<string, string[]> { ["COMPUTE"] = ["VIEW"] } },
                HttpStatusCode.OK);
            var domainBundle = (await admin.GetJsonAsync("/api/v1/bundles?domain=sales&bundleType=DOMAIN")).GetProperty("items")[0].Str("id");
            await aliceApi.PostJsonAsync($"/api/v1/bundles/{domainBundle}/permissions",
                new { actorId = analysts.Str("id"), actorType = "GROUP", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = ["VIEW_SPARK_SETTINGS"] } },
                HttpStatusCode.OK);
            await aliceApi.PutJsonAsync("/api/v1/domains/sales/spark-settings",
                new { settings = new object[] { new { key = "spark.executor.instances", value = "2" }, new { key = "spark.hadoop.fs.s3a.secret.key", value = "s3cr3t", sensitive = true } } });

            // Bob can now view, through his group, but not change.
            var seen = await bobApi.GetJsonAsync("/api/v1/domains/sales/spark-settings");
            Assert.Contains("*****", seen.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t", seen.ToString(), StringComparison.Ordinal);
            await bobApi.PutJsonAsync("/api/v1/domains/sales/spark-settings", new { settings = Array.Empty<object>() }, HttpStatusCode.Forbidden);
            await bobApi.GetJsonAsync($"/api/v1/bundles/{bundleId}/assets");
            await bobApi.PostJsonAsync($"/api/v1/bundles/{bundleId}/assets", new { assetType = "COMPUTE", assetId = "cluster-2" }, HttpStatusCode.Forbidden);

            // The object store browser works against S3.
            using var upload = new ByteArrayContent(Encoding.UTF8.GetBytes("id,amount\n1,100\n"));
            using (var put = await admin.PutAsync(new Uri("/api/v1/admin/storage/objects/content?key=landing/sales.csv", UriKind.Relative), upload))
            {
                Assert.True(put.IsSuccessStatusCode, $"upload: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
            }
            var listing = await admin.GetJsonAsync("/api/v1/admin/storage/objects?prefix=landing/");
            Assert.Contains("landing/sales.csv", listing.ToString(), StringComparison.Ordinal);

            // Every change and every denial is in the audit log.
            var audit = await admin.GetJsonAsync("/api/v1/admin/audit-events?username=bob&success=false");
            Assert.True(audit.GetProperty("total").GetInt64() >= 4);
        }

        // A restart on the same PostgreSQL and S3 finds the same users, grants and objects.
        await using (var platform = await LocalPlatform.StartAsync(settings))
        {
            using var aliceApi = platform.WithApiToken(aliceToken);
            Assert.Equal("alice", (await aliceApi.GetJsonAsync("/api/v1/user")).Str("username"));
            using var bobApi = await platform.LoginAsync("bob", password);
            await bobApi.GetJsonAsync("/api/v1/domains/sales/spark-settings");
            using var admin = await platform.LoginAsync();
            using var download = await admin.GetAsync(new Uri("/api/v1/admin/storage/objects/content?key=landing/sales.csv", UriKind.Relative));
            Assert.Equal("id,amount\n1,100\n", await download.Content.ReadAsStringAsync());
        }
    }
}
