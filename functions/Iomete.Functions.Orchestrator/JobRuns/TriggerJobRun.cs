using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Platform.Errors;
using ValidationException = Iomete.Platform.Errors.ValidationException;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.JobRuns;

/// <summary>Retries of a job run: attempts in all (1 = none), first delay, backoff factor, delay cap.</summary>
public sealed record RetryRequest(
    [property: Range(1, 20)] int MaxAttempts = 1,
    [property: Range(0, 86_400)] int DelaySeconds = 30,
    [property: Range(1.0, 10.0)] double BackoffCoefficient = 2.0,
    [property: Range(1, 604_800)] int? MaxDelaySeconds = null);

/// <summary>A job run through the orchestrator; null fields take the job's settings.</summary>
public sealed record TriggerJobRunRequest
{
    [Required]
    [StringLength(64, MinimumLength = 1)]
    public string? JobId { get; init; }

    /// <summary>The run's overrides of the job (arguments, envVars, javaOptions, sparkConf, resourceTags), as for a Spark job run.</summary>
    public JsonObject? Overrides { get; init; }

    /// <summary>Run parameters; they reach the run as environment variables (added to <c>overrides.envVars</c>).</summary>
    public Dictionary<string, string>? Parameters { get; init; }

    /// <summary>HIGH or NORMAL; raising a NORMAL job to HIGH is for domain managers.</summary>
    public RunPriority? Priority { get; init; }

    public RetryRequest? Retry { get; init; }

    /// <summary>The longest one attempt may run (seconds, ≥ 60); default: the job's maxExecutionDurationSeconds.</summary>
    [Range(60, 2_592_000)]
    public int? MaxExecutionSeconds { get; init; }
}

/// <summary>Runs a job through the orchestrator: its namespace queue, capacity check, retries and timeout (RUN on the job).</summary>
public sealed class TriggerJobRun(ICallerAccessor callers, IAccessControl access, IJobService jobs, JobRunStarter starter)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    [Function("orchestrator-workflow-runs-trigger")]
    [OpenApiOperation("Workflow runs", "Run a job through the orchestrator (RUN on the job)",
        Description = "Answers 201 with the run (PENDING in its namespace queue). With an Idempotency-Key header a repeated request answers 200 with the same run.")]
    [OpenApiRequestBody(typeof(TriggerJobRunRequest))]
    [OpenApiResponse(201, typeof(JobRunView))]
    [OpenApiResponse(200, typeof(JobRunView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(401)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/workflow-runs")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // A caller outside the domain learns nothing, not even what the body should look like.
        await access.RequireDomainAccessAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<TriggerJobRunRequest>(request, ct);
        if (body.Retry is { } retry)
        {
            var errors = new List<ValidationResult>();
            if (!Validator.TryValidateObject(retry, new ValidationContext(retry), errors, validateAllProperties: true))
            {
                throw ValidationException.ForField("retry", string.Join(" ", errors.Select(e => e.ErrorMessage)));
            }
        }
        var key = request.Headers[IdempotencyHeader].ToString().Trim();
        if (key.Length > 128)
        {
            throw ValidationException.ForField(IdempotencyHeader, "must be at most 128 characters.");
        }
        var job = await JobServiceCalls.ReadAsync(() => caller.UserId == "system" && request.Headers.ContainsKey(InternalCallOptions.Header)
            ? jobs.GetJobAsync(domain, body.JobId!, ct)
            : jobs.GetJobAsUserAsync(domain, body.JobId!, caller.UserId, "RUN", ct));
        if (body.Priority == RunPriority.High && !string.Equals(job.Priority, "HIGH", StringComparison.OrdinalIgnoreCase)
            && !caller.HasAdminRole(AdminRole.DomainManager))
        {
            throw new ForbiddenException("Priority HIGH for a NORMAL job is reserved for domain managers.");
        }
        var (run, created) = await starter.StartAsync(new JobRunStart(
            job, caller.UserId, RunTrigger.Manual, Overrides(body), body.Priority,
            body.Retry is { } r ? new JobRetryPolicy(r.MaxAttempts, r.DelaySeconds, r.BackoffCoefficient, r.MaxDelaySeconds) : null,
            body.MaxExecutionSeconds, null, key.Length == 0 ? null : $"trigger:{domain}:{caller.UserId}:{key}"), ct);
        var view = JobRunView.From(run);
        return created ? ApiResults.Created(view, $"/api/v1/domains/{domain}/workflow-runs/{run.Id}") : ApiResults.Ok(view);
    }

    /// <summary>The overrides as JSON text, parameters merged into envVars; null when there are none.</summary>
    internal static string? Overrides(TriggerJobRunRequest body)
    {
        if (body.Overrides is null && body.Parameters is null)
        {
            return null;
        }
        var overrides = body.Overrides?.DeepClone().AsObject() ?? [];
        if (body.Parameters is { Count: > 0 } parameters)
        {
            var env = overrides["envVars"] as JsonObject ?? [];
            foreach (var (name, value) in parameters)
            {
                env[name] = value;
            }
            overrides["envVars"] = env;
        }
        return overrides.ToJsonString(Json.Options);
    }
}
