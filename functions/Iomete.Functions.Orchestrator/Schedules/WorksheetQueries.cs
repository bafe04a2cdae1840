using System.Net;
using System.Text.Json;
using Iomete.Engine.Sessions;
using Iomete.Engine.Sql.Syntax;
using Iomete.Platform.Errors;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Orchestrator.Schedules;

/// <summary>
/// The statements of a SQL worksheet: its text read from the SQL service with the caller's own credentials (so the caller
/// must be able to view it), split by the engine's script splitter (never inside strings, comments or parentheses).
/// </summary>
public sealed class WorksheetQueries(IServiceInvoker invoker)
{
    private static readonly string[] CredentialHeaders = ["Authorization", "X-API-Token"];

    public async Task<IReadOnlyList<string>> ReadAsync(HttpRequest caller, string domain, string worksheetId, CancellationToken ct)
    {
        using var call = new HttpRequestMessage(HttpMethod.Get, new Uri(
            $"api/v1/domains/{Uri.EscapeDataString(domain)}/sql/worksheets/{Uri.EscapeDataString(worksheetId)}", UriKind.Relative));
        foreach (var header in CredentialHeaders.Where(h => caller.Headers.ContainsKey(h)))
        {
            call.Headers.TryAddWithoutValidation(header, caller.Headers[header].ToString());
        }
        using var response = await invoker.InvokeAsync("sql", call, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            throw ValidationException.ForField("worksheetId", $"worksheet '{worksheetId}' does not exist or you cannot view it");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The SQL service answered {(int)response.StatusCode} reading worksheet {worksheetId}.");
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var content = json.RootElement.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "";
        try
        {
            return SqlScript.Split(content).Select(span => content.Substring(span.Start, span.Length)).ToList();
        }
        catch (SqlSyntaxException e)
        {
            throw ValidationException.ForField("worksheetId", $"the worksheet's SQL cannot be split into statements: {e.Message}");
        }
    }
}
