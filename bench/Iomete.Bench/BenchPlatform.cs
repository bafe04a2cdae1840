using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Functions.LocalHost;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Iomete.Bench;

/// <summary>The local host on a free port with a temp data directory (embedded defaults), and the admin's token.</summary>
internal sealed class BenchPlatform : IAsyncDisposable
{
    public const string Password = "bench-Password-1";

    private readonly WebApplication app;
    private readonly string dataDir;

    private BenchPlatform(WebApplication app, string dataDir, Uri address, string token)
    {
        this.app = app;
        this.dataDir = dataDir;
        Address = address;
        Token = token;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    public string Token { get; }

    public static async Task<BenchPlatform> StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "iomete-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Iomete:DataDir"] = dataDir,
            ["Iomete:Identity:AdminPassword"] = Password,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Iomete.Functions.EventStreams.Ingest.Runtime.StreamPipeline"] = Environment.GetEnvironmentVariable("IOMETE_BENCH_COMMIT_LOG") ?? "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var app = LocalHostApp.Build([], b => b.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        var address = new Uri(AddressOf(app));
        using var client = new HttpClient { BaseAddress = address };
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = Password });
        login.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return new BenchPlatform(app, dataDir, address, body.RootElement.GetProperty("accessToken").GetString()!);
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? json = null)
    {
        var message = new HttpRequestMessage(method, new Uri(Address, path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (json is not null)
        {
            message.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        return message;
    }

    public static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
