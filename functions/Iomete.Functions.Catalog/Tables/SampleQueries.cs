using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Catalog.Tables;

/// <summary>
/// Runs a sample query in the SQL service (app id <c>sql</c>) AS THE CALLER: the internal app token with the caller's id in
/// <see cref="InternalCallOptions.RunAsHeader"/> (or, without an app token, the caller's own credentials), so the SQL
/// service applies the caller's row filters and masks. Submits, waits, polls until the query ends, reads the first page.
/// </summary>
public sealed class SampleQueries(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls, TimeProvider clock)
{
    public const string SqlAppId = "sql";
    public const int SampleRows = 100;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly string[] CredentialHeaders = ["Authorization", "X-API-Token", "Cookie"];

    public async Task<TableSampleView> RunAsync(HttpRequest caller, string userId, string domain, string sql, CancellationToken ct)
    {
        var basePath = $"api/v1/domains/{Uri.EscapeDataString(domain)}/sql/queries";
        using var submit = Request(HttpMethod.Post, caller, userId, $"{basePath}?wait=30");
        submit.Content = JsonContent.Create(new { query = sql, computeCluster = "local", limit = SampleRows });
        var query = await SendAsync(submit, ct);
        var id = query.GetProperty("id").GetString()!;
        var deadline = clock.GetUtcNow() + Timeout;
        while (!IsFinal(Status(query)))
        {
            if (clock.GetUtcNow() > deadline)
            {
                throw new ApiException(504, ErrorCodes.BadGateway, "The sample query did not finish", $"Query {id} is still {Status(query)} after {Timeout.TotalSeconds:0} s.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), clock, ct);
            using var poll = Request(HttpMethod.Get, caller, userId, $"{basePath}/{Uri.EscapeDataString(id)}");
            query = await SendAsync(poll, ct);
        }
        if (Status(query) != "COMPLETED")
        {
            var error = query.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var msg)
                ? msg.GetString() : Status(query);
            throw new ApiException(502, ErrorCodes.BadGateway, "The sample query failed", error);
        }
        using var read = Request(HttpMethod.Get, caller, userId, $"{basePath}/{Uri.EscapeDataString(id)}/results?limit={SampleRows}");
        var page = await SendAsync(read, ct);
        return new TableSampleView(id, sql, page.GetProperty("columns").Clone(), page.GetProperty("rows").Clone(),
            page.TryGetProperty("truncated", out var t) && t.ValueKind == JsonValueKind.True);
    }

    private static string Status(JsonElement query) => query.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "";

    private static bool IsFinal(string status) => status is "COMPLETED" or "FAILED" or "CANCELLED" or "RESULT_EXPIRED";

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await invoker.InvokeAsync(SqlAppId, request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        if (!response.IsSuccessStatusCode)
        {
            var detail = json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : text;
            throw (int)response.StatusCode switch
            {
                403 => new ForbiddenException(detail ?? "The SQL service refused the sample query."),
                404 => new NotFoundException("Table", detail ?? ""),
                _ => new ApiException(502, ErrorCodes.BadGateway, "The SQL service refused the sample query", $"{(int)response.StatusCode}: {detail}"),
            };
        }
        return json.RootElement.Clone();
    }

    private HttpRequestMessage Request(HttpMethod method, HttpRequest caller, string userId, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (internalCalls.Value.AppApiToken is { Length: > 0 } token)
        {
            request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, token);
            request.Headers.TryAddWithoutValidation(InternalCallOptions.RunAsHeader, userId);
            return request;
        }
        foreach (var name in CredentialHeaders)
        {
            if (caller.Headers.TryGetValue(name, out var value) && value.ToString().Length > 0)
            {
                request.Headers.TryAddWithoutValidation(name, value.ToString());
            }
        }
        return request;
    }
}
