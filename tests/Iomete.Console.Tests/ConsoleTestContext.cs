using System.Net;
using System.Text;
using Iomete.Console.Api;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Iomete.Console.Tests;

/// <summary>
/// A bUnit context with the console's real services, an in-memory browser storage and a scripted platform: tests
/// answer the routes they care about and read what the components sent. Disposed asynchronously: MudBlazor's dialog,
/// popover and pointer services only implement IAsyncDisposable, and xunit 2 disposes asynchronously first.
/// </summary>
public class ConsoleTestContext : BunitContext, IAsyncLifetime
{
    public ConsoleTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddConsoleServices(new Uri("http://console.test/"));
        Services.AddScoped<HttpClient>(_ => new HttpClient(Platform) { BaseAddress = new Uri("http://console.test/") });
        Services.AddScoped<ISessionStorage>(_ => Storage);
    }

    public ScriptedPlatform Platform { get; } = new();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public MemoryStorage Storage { get; } = new();

    /// <summary>Signs the session in as <paramref name="username"/> with the given domain permissions, without a request.</summary>
    public ConsoleSession SignedIn(string username = "alice", string domain = "default", params string[] permissions)
    {
        var session = Services.GetRequiredService<ConsoleSession>();
        session.SetTokensAsync(new SessionTokens("access-" + username, "refresh-" + username, false)).GetAwaiter().GetResult();
        session.SetUser(new ConsoleUser("u-" + username, username, false, [], [new DomainAccess(domain, domain, false, permissions)]));
        return session;
    }

    /// <summary>Renders MudBlazor's providers once, so dialogs, popovers and snackbars have somewhere to appear.</summary>
    public IRenderedComponent<MudPopoverProvider> Providers() => Render<MudPopoverProvider>();
}

/// <summary>localStorage in memory.</summary>
public sealed class MemoryStorage : ISessionStorage
{
    public Dictionary<string, string> Items { get; } = [];

    public ValueTask<string?> GetAsync(string key) => ValueTask.FromResult(Items.TryGetValue(key, out var v) ? v : null);

    public ValueTask SetAsync(string key, string? value)
    {
        if (value is null)
        {
            Items.Remove(key);
        }
        else
        {
            Items[key] = value;
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>One request the console sent: method, path with query, and body text.</summary>
public sealed record SentRequest(HttpMethod Method, string PathAndQuery, string? Body, string? Authorization);

/// <summary>An HTTP handler answering from routes the test registered (method + path and query), recording each request.</summary>
public sealed class ScriptedPlatform : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, Func<string, bool> Match, Func<SentRequest, HttpResponseMessage> Answer)> routes = [];

    public List<SentRequest> Sent { get; } = [];

    public ScriptedPlatform On(HttpMethod method, string pathAndQuery, HttpStatusCode status, string json) =>
        On(method, p => p == pathAndQuery, _ => Json(status, json));

    public ScriptedPlatform OnPrefix(HttpMethod method, string prefix, HttpStatusCode status, string json) =>
        On(method, p => p.StartsWith(prefix, StringComparison.Ordinal), _ => Json(status, json));

    public ScriptedPlatform On(HttpMethod method, Func<string, bool> match, Func<SentRequest, HttpResponseMessage> answer)
    {
        routes.Insert(0, (method, match, answer));
        return this;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) => new(status)
    {
        Content = new StringContent(json, Encoding.UTF8, (int)status >= 400 ? "application/problem+json" : "application/json"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.PathAndQuery;
        var sent = new SentRequest(request.Method, path, body, request.Headers.Authorization?.ToString());
        lock (Sent)
        {
            Sent.Add(sent);
        }
        foreach (var (method, match, answer) in routes)
        {
            if (method == request.Method && match(path))
            {
                return answer(sent);
            }
        }
        return Json(HttpStatusCode.NotFound, $$"""{"title":"Not found","status":404,"detail":"No scripted answer for {{request.Method}} {{path}}"}""");
    }
}
