using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Workflows.SqlQueries;

/// <summary>A query in the SQL service as a scheduled run sees it: its id, status, rows affected and error.</summary>
public sealed record SqlQueryState(string QueryId, string Status, long? RowsAffected, string? Error)
{
    public bool IsFinal => Status is "COMPLETED" or "FAILED" or "CANCELLED" or "RESULT_EXPIRED";
}

/// <summary>
/// The SQL service (app id <c>sql</c>) called with the internal app token as the run-as user (<see cref="InternalCallOptions.RunAsHeader"/>),
/// as the clusters service's SQL job runner does: submit without waiting (the id is known before the query can run long), poll, cancel.
/// </summary>
public sealed class SqlQueryClient(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls)
{
    public const string SqlAppId = "sql";
    private const int ResultRowLimit = 100;

    public async Task<SqlQueryState> SubmitAsync(SqlQueryStep step, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, step.RunAs, $"api/v1/domains/{Uri.EscapeDataString(step.DomainId)}/sql/queries");
        request.Content = JsonContent.Create(new
        {
            query = step.Query,
            computeCluster = step.Compute,
            catalog = step.Catalog,
            database = step.Database,
            limit = ResultRowLimit,
        });
        return State(await SendAsync(request, ct));
    }

    public async Task<SqlQueryState> GetAsync(string domainId, string runAs, string queryId, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, runAs, $"api/v1/domains/{Uri.EscapeDataString(domainId)}/sql/queries/{Uri.EscapeDataString(queryId)}");
        return State(await SendAsync(request, ct));
    }

    /// <summary>Asks the SQL service to stop the query; false when it had ended already (409).</summary>
    public async Task<bool> CancelAsync(string domainId, string runAs, string queryId, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, runAs, $"api/v1/domains/{Uri.EscapeDataString(domainId)}/sql/queries/{Uri.EscapeDataString(queryId)}/cancel");
        using var response = await invoker.InvokeAsync(SqlAppId, request, ct);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The SQL service answered {(int)response.StatusCode} to cancelling query {queryId}.");
        }
        return true;
    }

    private static SqlQueryState State(JsonElement query) => new(
        query.GetProperty("id").GetString()!,
        query.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "",
        query.TryGetProperty("rowsAffected", out var rows) && rows.ValueKind == JsonValueKind.Number ? rows.GetInt64() : null,
        query.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m)
            ? m.GetString()
            : null);

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await invoker.InvokeAsync(SqlAppId, request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        if (!response.IsSuccessStatusCode)
        {
            var detail = json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            throw new SqlServiceException((int)response.StatusCode, $"The SQL service answered {(int)response.StatusCode}: {detail ?? text}");
        }
        return json.RootElement.Clone();
    }

    private HttpRequestMessage Request(HttpMethod method, string runAs, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; scheduled SQL queries cannot run"));
        request.Headers.TryAddWithoutValidation(InternalCallOptions.RunAsHeader, runAs);
        return request;
    }
}

/// <summary>The SQL service refused a call (the status tells whether retrying can help: 4xx cannot).</summary>
public sealed class SqlServiceException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
