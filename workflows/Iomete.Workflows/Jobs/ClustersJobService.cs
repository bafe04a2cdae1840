using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Workflows.Jobs;

/// <summary>
/// <see cref="IJobService"/> over the clusters service's internal orchestration routes (service invocation, app id <c>clusters</c>),
/// authenticated with the internal app token; <see cref="InternalCallOptions.RunAsHeader"/> names the user a call acts for. A 4xx
/// answer becomes the same <see cref="ApiException"/>; 5xx, 429 and no answer become <see cref="JobServiceUnavailableException"/>.
/// </summary>
public sealed class ClustersJobService(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls) : IJobService
{
    public const string AppId = "clusters";
    private const string Root = "internal/v1/clusters/orchestration/domains";

    // Answers leave out null members; the records' optional fields are read as null then.
    private static readonly JsonSerializerOptions Reading = new(Json.Options) { RespectRequiredConstructorParameters = false };

    public Task<JobInfo> GetJobAsync(string domainId, string jobId, CancellationToken ct) =>
        SendAsync<JobInfo>(HttpMethod.Get, $"{Root}/{E(domainId)}/jobs/{E(jobId)}", null, null, ct);

    public Task<JobInfo> GetJobAsUserAsync(string domainId, string jobId, string userId, string permission, CancellationToken ct) =>
        SendAsync<JobInfo>(HttpMethod.Get, $"{Root}/{E(domainId)}/jobs/{E(jobId)}?permission={E(permission)}", userId, null, ct);

    public async Task<string> SubmitAsync(JobSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        JsonElement? overrides = submission.Overrides is null ? null : JsonDocument.Parse(submission.Overrides).RootElement.Clone();
        var run = await SendAsync<JobServiceRun>(HttpMethod.Post, $"{Root}/{E(submission.DomainId)}/jobs/{E(submission.JobId)}/runs", submission.RunAs,
            new { submission.SubmissionKey, submission.RunAs, Overrides = overrides }, ct);
        return run.Id;
    }

    public Task<JobServiceRun> GetRunAsync(string domainId, string externalRunId, CancellationToken ct) =>
        SendAsync<JobServiceRun>(HttpMethod.Get, $"{Root}/{E(domainId)}/runs/{E(externalRunId)}", null, null, ct);

    public Task CancelAsync(string domainId, string externalRunId, CancellationToken ct) =>
        SendAsync<JobServiceRun>(HttpMethod.Post, $"{Root}/{E(domainId)}/runs/{E(externalRunId)}/cancel", null, new { }, ct);

    public Task<CapacityCheck> CheckCapacityAsync(string domainId, string @namespace, ResourceDemand demand, CancellationToken ct) =>
        SendAsync<CapacityCheck>(HttpMethod.Post, $"{Root}/{E(domainId)}/namespaces/{E(@namespace)}/capacity", null, demand, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, string? runAs, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken
            ?? throw new JobServiceUnavailableException($"{InternalCallOptions.Section}:AppApiToken is not set; the job service cannot be called"));
        if (!string.IsNullOrEmpty(runAs))
        {
            request.Headers.TryAddWithoutValidation(InternalCallOptions.RunAsHeader, runAs);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json.Options);
        }
        HttpResponseMessage response;
        try
        {
            response = await invoker.InvokeAsync(AppId, request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new JobServiceUnavailableException($"The job service could not be reached: {e.Message}", e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                return JsonSerializer.Deserialize<T>(text, Reading)
                       ?? throw new JobServiceUnavailableException($"The job service answered {(int)response.StatusCode} without a body.");
            }
            var status = (int)response.StatusCode;
            var (code, title, detail) = Problem(text);
            if (status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new JobServiceUnavailableException($"The job service answered {status}: {detail ?? title ?? text}");
            }
            throw new ApiException(status, code ?? ErrorCodes.Validation, title ?? response.ReasonPhrase ?? "Refused", detail ?? text);
        }
    }

    private static (string? Code, string? Title, string? Detail) Problem(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            string? Get(string name) => json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return (Get("errorCode"), Get("title"), Get("detail"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string E(string value) => Uri.EscapeDataString(value);
}
