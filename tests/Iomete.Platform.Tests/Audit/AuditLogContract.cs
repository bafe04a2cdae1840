using Iomete.Platform.Audit;
using Iomete.Platform.Tests.TestSupport;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Platform.Tests.Audit;

/// <summary>The SQL audit log on each metadata DB engine.</summary>
public abstract class AuditLogContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private ServiceProvider _provider = null!;

    protected IAuditLog Log { get; private set; } = null!;

    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    public async Task InitializeAsync()
    {
        _provider = PlatformServices.Build(await SettingsAsync());
        Log = _provider.GetRequiredService<IAuditLog>();
    }

    public virtual async Task DisposeAsync() => await _provider.DisposeAsync();

    [ServiceFact]
    public async Task Record_ThenQuery_ReturnsEveryField()
    {
        var recorded = Event(1, userId: "u1", username: "alice", method: "POST", path: "/api/v1/domains/d1/clusters", status: 201, domain: "d1",
            function: "clusters-create", clientIp: "10.1.2.3");
        await Log.RecordAsync(recorded, CancellationToken.None);

        var page = await Log.QueryAsync(Query(), CancellationToken.None);

        Assert.Equal(1, page.Total);
        Assert.Equal(recorded, Assert.Single(page.Items));
    }

    [ServiceFact]
    public async Task Record_KeepsNullableFieldsNull()
    {
        var anonymous = new AuditEvent("e-anon", T0, null, null, "POST", "/api/v1/auth/login", 401, false, null, null, null);
        await Log.RecordAsync(anonymous, CancellationToken.None);

        var page = await Log.QueryAsync(Query(), CancellationToken.None);

        Assert.Equal(anonymous, Assert.Single(page.Items));
    }

    [ServiceFact]
    public async Task Query_FiltersByEachField()
    {
        await RecordAsync(
            Event(1, userId: "u1", username: "alice", method: "POST", path: "/api/v1/a", status: 201, domain: "d1"),
            Event(2, userId: "u2", username: "Bob", method: "DELETE", path: "/api/v1/b", status: 403, domain: "d2"),
            Event(3, userId: "u1", username: "alice", method: "PUT", path: "/api/v2/c", status: 200, domain: null),
            Event(4, userId: null, username: null, method: "POST", path: "/api/v1/auth/login", status: 401, domain: null));

        Assert.Equal(new[] { 3, 1 }, await IdsAsync(Query() with { UserId = "u1" }));
        Assert.Equal(new[] { 2 }, await IdsAsync(Query() with { Username = "bob" }));
        Assert.Equal(new[] { 4, 1 }, await IdsAsync(Query() with { Method = "post" }));
        Assert.Equal(new[] { 4, 2, 1 }, await IdsAsync(Query() with { PathPrefix = "/api/v1/" }));
        Assert.Equal(new[] { 3, 1 }, await IdsAsync(Query() with { Success = true }));
        Assert.Equal(new[] { 4, 2 }, await IdsAsync(Query() with { Success = false }));
        Assert.Equal(new[] { 2 }, await IdsAsync(Query() with { Domain = "d2" }));
        Assert.Equal(new[] { 3, 2 }, await IdsAsync(Query() with { From = T0.AddMinutes(2), To = T0.AddMinutes(4) }));
        Assert.Equal(new[] { 1 }, await IdsAsync(Query() with { UserId = "u1", Method = "POST", Success = true, Domain = "d1" }));
    }

    [ServiceFact]
    public async Task Query_ByPathPrefix_TakesWildcardCharactersLiterally()
    {
        await RecordAsync(
            Event(1, path: "/api/v1/a_b/x"),
            Event(2, path: "/api/v1/aXb/x"),
            Event(3, path: "/api/v1/100%/x"),
            Event(4, path: "/API/V1/a_b/x"));

        Assert.Equal(new[] { 1 }, await IdsAsync(Query() with { PathPrefix = "/api/v1/a_b" }));
        Assert.Equal(new[] { 3 }, await IdsAsync(Query() with { PathPrefix = "/api/v1/100%" }));
    }

    [ServiceFact]
    public async Task Query_PagesNewestFirst_WithTheTotal()
    {
        await RecordAsync(Enumerable.Range(1, 25).Select(i => Event(i)).ToArray());

        var page = await Log.QueryAsync(Query() with { Offset = 10, Limit = 10 }, CancellationToken.None);
        var last = await Log.QueryAsync(Query() with { Offset = 20, Limit = 10 }, CancellationToken.None);

        Assert.Equal(25, page.Total);
        Assert.Equal(10, page.Offset);
        Assert.Equal(10, page.Limit);
        Assert.Equal(Enumerable.Range(6, 10).Reverse().Select(Id), page.Items.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(Id), last.Items.Select(e => e.Id));
    }

    private async Task RecordAsync(params AuditEvent[] events)
    {
        foreach (var e in events)
        {
            await Log.RecordAsync(e, CancellationToken.None);
        }
    }

    private async Task<int[]> IdsAsync(AuditQuery query) =>
        (await Log.QueryAsync(query, CancellationToken.None)).Items.Select(e => int.Parse(e.Id[2..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static AuditQuery Query() => new(null, null, null, null, null, null, null, null, 0, 100);

    private static string Id(int n) => $"e-{n:D3}";

    private static AuditEvent Event(int n, string? userId = "u", string? username = "user", string method = "POST", string path = "/api/v1/x",
        int status = 200, string? domain = null, string? function = null, string? clientIp = null) =>
        new(Id(n), T0.AddMinutes(n), userId, username, method, path, status, status < 400, domain, function, clientIp);
}
