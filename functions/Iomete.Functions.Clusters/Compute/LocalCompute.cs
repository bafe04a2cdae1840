using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>
/// The compute <c>local</c> (the embedded engine) belongs to the SQL service, which keeps its settings: the cluster
/// routes reach it by service invocation with the caller's own credentials, so the SQL service authorizes the caller.
/// </summary>
public sealed class LocalCompute(IServiceInvoker invoker)
{
    public const string SqlAppId = "sql";
    private static readonly string[] CredentialHeaders = ["Authorization", "X-API-Token", "Cookie"];

    public static bool Is(string idOrName) => idOrName == ComputeRules.Local;

    /// <summary>The SQL service's answer for <c>local</c> (GET, or PUT with <paramref name="body"/>), as our view or its error.</summary>
    public async Task<IActionResult> ForwardAsync(HttpRequest caller, HttpMethod method, string domain, string? body, CancellationToken ct)
    {
        using var response = await SendAsync(caller, method, domain, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            return new PassThroughResult((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "application/problem+json", text);
        }
        return ApiResults.Ok(Parse(domain, text));
    }

    /// <summary>The view of <c>local</c> for lists; without its settings when the SQL service does not answer.</summary>
    public async Task<ComputeClusterView> ViewAsync(HttpRequest caller, string domain, CancellationToken ct)
    {
        try
        {
            using var response = await SendAsync(caller, HttpMethod.Get, domain, null, ct);
            if (response.IsSuccessStatusCode)
            {
                return Parse(domain, await response.Content.ReadAsStringAsync(ct));
            }
        }
        catch (HttpRequestException)
        {
        }
        return ComputeClusterView.Local(domain, null, null);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequest caller, HttpMethod method, string domain, string? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri($"api/v1/domains/{Uri.EscapeDataString(domain)}/sql/compute/local", UriKind.Relative));
        foreach (var header in CredentialHeaders.Where(h => caller.Headers.ContainsKey(h)))
        {
            request.Headers.TryAddWithoutValidation(header, caller.Headers[header].ToString());
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }
        return await invoker.InvokeAsync(SqlAppId, request, ct);
    }

    private static ComputeClusterView Parse(string domain, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        LocalSettingsView? settings = null;
        if (root.TryGetProperty("settings", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            settings = new LocalSettingsView(
                s.TryGetProperty("threads", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null,
                s.TryGetProperty("memoryLimit", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null);
        }
        DateTimeOffset? updated = root.TryGetProperty("updatedAt", out var u) && u.ValueKind == JsonValueKind.String ? u.GetDateTimeOffset() : null;
        return ComputeClusterView.Local(domain, settings, updated);
    }
}

/// <summary>Another service's answer, passed on as it came (status, content type, body).</summary>
public sealed class PassThroughResult(int status, string contentType, string body) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        await response.WriteAsync(body, context.HttpContext.RequestAborted);
    }
}
