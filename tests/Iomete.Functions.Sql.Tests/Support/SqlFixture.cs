using System.Net;
using System.Text.Json;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions;
using Iomete.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Sql.Tests.Support;

/// <summary>
/// One local platform with the SQL service on the stand-in DuckDB engine (SQLite metadata), the admin logged in.
/// </summary>
public class SqlFixture : IAsyncLifetime
{
    public const string Domain = "default";
    public const string UserPassword = "User-Password-1";
    public const string QueriesUrl = $"/api/v1/domains/{Domain}/sql/queries";

    private LocalPlatform? _platform;
    private HttpClient? _admin;

    public LocalPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin => _admin ?? throw new InvalidOperationException("The platform has not started.");

    public StandInDuckDbEngine Engine { get; } = new();

    public RecordingCatalogFactory Catalogs { get; } = new();

    /// <summary>False when the metadata database cannot run here (the tests then return early; CI fails instead).</summary>
    public bool Started => _platform is not null;

    public async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        if (settings is null)
        {
            return;
        }
        _platform = await StartAsync(settings);
        _admin = await _platform.LoginAsync();
    }

    /// <summary>Starts a platform whose SQL service runs on the stand-in engine.</summary>
    public Task<LocalPlatform> StartAsync(Dictionary<string, string?> settings) =>
        LocalPlatform.StartAsync(settings, builder => UseStandInEngine(builder, Engine, Catalogs));

    public static void UseStandInEngine(WebApplicationBuilder builder, StandInDuckDbEngine engine, RecordingCatalogFactory catalogs)
    {
        builder.Services.AddSingleton<ISqlEngine>(engine);
        builder.Services.AddSingleton<ILakehouseCatalogFactory>(catalogs);
    }

    protected virtual Task<Dictionary<string, string?>?> SettingsAsync() => Task.FromResult<Dictionary<string, string?>?>([]);

    /// <summary>Creates a user (with admin roles, SNAKE_UPPER) and returns its id, name and a logged-in client.</summary>
    public async Task<(string Id, string Username, HttpClient Client)> UserAsync(string prefix, params string[] roles)
    {
        var username = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        var user = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password = UserPassword });
        var id = user.Str("id");
        if (roles.Length > 0)
        {
            await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/identity/users/{id}/roles", new { roles });
        }
        return (id, username, await Platform.LoginAsync(username, UserPassword));
    }

    /// <summary>Makes a user a member of the domain by granting it domain permissions in the DOMAIN bundle.</summary>
    public async Task GrantDomainAsync(string username, params string[] permissions)
    {
        var bundle = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/domains/{Domain}")).Str("bundleId");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundle}/permissions",
            new { actorId = username, actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = permissions } });
    }

    /// <summary>Submits and waits for the query to finish; returns the final query.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, string query, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["query"] = query, ["computeCluster"] = "local" };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }
        var done = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{QueriesUrl}?wait=30", body);
        return done;
    }

    /// <summary>Polls a query until its status is one of <paramref name="statuses"/>.</summary>
    public static async Task<JsonElement> PollAsync(HttpClient client, string id, TimeSpan timeout, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var query = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{id}");
            if (statuses.Contains(query.Str("status")) || DateTime.UtcNow > deadline)
            {
                return query;
            }
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}

/// <summary>The same platform with its metadata on the shared test PostgreSQL server.</summary>
public sealed class PostgresSqlFixture : SqlFixture
{
    protected override async Task<Dictionary<string, string?>?> SettingsAsync()
    {
        if (PostgresServer.MissingReason() is not null && !Requires.InCi)
        {
            return null;
        }
        var server = await PostgresServer.SharedAsync();
        return server.Settings(PostgresServer.NewDatabasePrefix());
    }
}
