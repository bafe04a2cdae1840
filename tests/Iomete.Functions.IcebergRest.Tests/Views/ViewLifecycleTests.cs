using System.Net;
using Iomete.Functions.IcebergRest.Tests.Support;
using Iomete.Testing;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;
using static Iomete.Functions.IcebergRest.Tests.Views.ViewTestData;

namespace Iomete.Functions.IcebergRest.Tests.Views;

/// <summary>A view's whole life, run on each metadata engine (the pointer swaps and listings must be portable).</summary>
public abstract class ViewLifecycleTests<TFixture>(TFixture fixture)
    where TFixture : IcebergFixture
{
    [ServiceFact]
    public async Task TheViewLifecycle_WorksOnThisEngine()
    {
        var admin = fixture.Admin;
        var ns = Unique("life");
        var other = Unique("life");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { ns } });
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { other } });

        var created = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, "v"));
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, "w"));
        await admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, "v"));
        var first = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{ViewsUrl(ns)}?pageToken=&pageSize=1");
        Assert.Equal(["v"], first.Names());

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "v"),
            Commit(created.Uuid(), SetProperties($"k{i}", "v")))));
        var replaced = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "v"),
            Commit(created.Uuid(), AddSchema(OtherSchema), AddVersion(ns, "select some_id from t"), SetCurrentLast));
        Assert.Equal(2, replaced.GetProperty("metadata").GetProperty("current-version-id").GetInt32());
        Assert.Contains("/metadata/00004-", replaced.MetadataLocation(), StringComparison.Ordinal);
        await admin.ExpectErrorAsync(HttpStatusCode.Conflict, "CommitFailedException", HttpMethod.Post, ViewUrl(ns, "v"), Commit(Guid.NewGuid().ToString(), SetProperties("x", "y")));

        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, Rename, RenameBody(ns, "v", other, "moved"));
        await admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, Rename, RenameBody(ns, "w", other, "moved"));
        Assert.Equal(replaced.MetadataLocation(), (await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(other, "moved"))).MetadataLocation());

        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, ViewUrl(other, "moved"));
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Register(other),
            new Dictionary<string, string> { ["name"] = "back", ["metadata-location"] = replaced.MetadataLocation() });
        Assert.Equal(["back"], (await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewsUrl(other))).Names());
        foreach (var (n, v) in new[] { (other, "back"), (ns, "w") })
        {
            await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, ViewUrl(n, v));
            await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{NsRoot()}/{Ns(n)}");
        }
    }
}

public sealed class ViewLifecycleOnSqliteTests(IcebergFixture fixture)
    : ViewLifecycleTests<IcebergFixture>(fixture), IClassFixture<IcebergFixture>;

[NeedsServices(TestService.Postgres)]
public sealed class ViewLifecycleOnPostgresTests(PostgresIcebergFixture fixture)
    : ViewLifecycleTests<PostgresIcebergFixture>(fixture), IClassFixture<PostgresIcebergFixture>;
