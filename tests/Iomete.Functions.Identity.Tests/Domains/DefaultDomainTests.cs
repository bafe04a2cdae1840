using System.Net;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Domains;

public sealed class DefaultDomainTests
{
    [Fact]
    public async Task TheDefaultDomain_ExistsAfterStart_OwnedByAdmin_AndIsNotDuplicatedByARestart()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "iomete-default-" + Guid.NewGuid().ToString("N")[..12]);
        var settings = new Dictionary<string, string?> { ["Iomete:DataDir"] = dataDir };
        try
        {
            string bundleId;
            await using (var first = await LocalPlatform.StartAsync(settings))
            {
                using var admin = await first.LoginAsync();
                var domain = await admin.GetJsonAsync("/api/v1/admin/domains/default");
                Assert.Equal("admin", domain.GetProperty("owner").Str("name"));
                bundleId = domain.Str("bundleId");
                var me = await admin.GetJsonAsync("/api/v2/user");
                var entry = Assert.Single(me.GetProperty("domains").EnumerateArray(), d => d.GetProperty("domain").Str("id") == "default");
                Assert.True(entry.GetProperty("isOwner").GetBoolean());
                Assert.Equal(bundleId, entry.GetProperty("bundle").Str("bundleId"));
            }

            await using var second = await LocalPlatform.StartAsync(settings);
            using var again = await second.LoginAsync();
            var list = await again.GetJsonAsync("/api/v2/admin/domains?search=default");
            Assert.Equal(1, list.GetProperty("total").GetInt64());
            Assert.Equal(bundleId, (await again.GetJsonAsync("/api/v1/admin/domains/default")).Str("bundleId"));
            var domainBundles = await again.GetJsonAsync("/api/v1/bundles?domain=default&bundleType=DOMAIN");
            Assert.Equal(1, domainBundles.GetProperty("total").GetInt64());
        }
        finally
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // A pooled connection may still hold a file; the OS cleans temp folders.
            }
        }
    }
}
