using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.Runs;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Orchestration;

/// <summary>
/// A job with <c>flow: PRIORITY</c> runs through the job orchestrator: its namespace queue, capacity check, retries and history. The run
/// routes hand such a run to the orchestrator (as the caller, by service invocation) and answer 201 with the workflow run (state PENDING).
/// </summary>
public sealed class PriorityFlowRedirect(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls, IOptions<OrchestrationOptions> options)
{
    public async Task<IActionResult> StartAsync(Caller caller, SparkJob job, RunOverrides overrides, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri($"internal/v1/orchestrator/domains/{Uri.EscapeDataString(job.DomainId)}/job-runs", UriKind.Relative));
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken
            ?? throw new ConflictException($"{InternalCallOptions.Section}:AppApiToken is not set; jobs with flow PRIORITY cannot be run."));
        if (caller.UserId != "system")
        {
            request.Headers.TryAddWithoutValidation(InternalCallOptions.RunAsHeader, caller.UserId);
        }
        request.Content = JsonContent.Create(new
        {
            jobId = job.Id,
            overrides = new { overrides.Arguments, overrides.EnvVars, overrides.JavaOptions, overrides.SparkConf, overrides.ResourceTags },
        }, options: Json.Options);
        using var response = await invoker.InvokeAsync(options.Value.OrchestratorAppId, request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        if (!response.IsSuccessStatusCode)
        {
            string? Get(string name) => json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var status = (int)response.StatusCode;
            throw new ApiException(status >= 500 ? 502 : status, Get("errorCode") ?? ErrorCodes.BadGateway, Get("title") ?? "Orchestrator refused the run",
                Get("detail") ?? $"The job orchestrator answered {status}.");
        }
        var run = json.RootElement.Clone();
        return ApiResults.Created(run, $"/api/v1/domains/{job.DomainId}/workflow-runs/{run.GetProperty("id").GetString()}");
    }
}
