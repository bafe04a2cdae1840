using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Functions.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Testing;

/// <summary>
/// The real local host on a free loopback port with a temporary data directory, as a user
/// would run it. Tests talk to it over HTTP only.
/// </summary>
public sealed class LocalPlatform : IAsyncDisposable
{
    public const string AdminPassword = "Admin-Password-1!";

    private readonly WebApplication _app;

    private LocalPlatform(WebApplication app, string dataDir, Uri baseAddress)
    {
        _app = app;
        DataDir = dataDir;
        BaseAddress = baseAddress;
    }

    public string DataDir { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a platform; <paramref name="settings"/> are configuration keys such as <c>Iomete:MetadataDb:Engine</c>.</summary>
    public static async Task<LocalPlatform> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "iomete-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDir);
        var config = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Iomete:DataDir"] = dataDir,
            ["Iomete:Identity:AdminPassword"] = AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        var app = LocalHostApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalPlatform(app, dataDir, new Uri(address));
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A client authenticated with <c>Authorization: Bearer</c> after logging in.</summary>
    public async Task<HttpClient> LoginAsync(string username = "admin", string password = AdminPassword)
    {
        var token = await AccessTokenAsync(username, password);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> AccessTokenAsync(string username, string password)
    {
        using var client = Anonymous();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Login as {username} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A client that sends an access token in <c>X-API-Token</c>.</summary>
    public HttpClient WithApiToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-API-Token", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool: the temp folder is cleaned by the OS later.
        }
    }
}
