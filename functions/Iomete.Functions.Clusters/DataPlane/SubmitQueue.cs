using System.Text.Json.Nodes;
using Iomete.Platform.Errors;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>
/// Hands SparkApplications to the API server with bounded parallelism (a burst of runs never floods it) and a bounded
/// queue (beyond it: 429). A submission key makes a retried submission idempotent: the first submission's application
/// is remembered in the platform's state store and returned again instead of being created twice.
/// </summary>
public sealed class SubmitQueue(ISparkApplications applications, IStateStore state, IOptions<DataPlaneOptions> options) : IDisposable
{
    private readonly SemaphoreSlim gate = new(options.Value.SubmitParallelism);
    private int waiting;

    public int Waiting => Volatile.Read(ref waiting);

    public async Task<SparkApplicationStatus> SubmitAsync(string submissionKey, JsonObject application, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(submissionKey);
        var key = "spark-submission/" + submissionKey;
        if (await state.GetAsync<SubmissionRecord>(key, ct) is { } known)
        {
            return await applications.GetAsync(known.Value.Namespace, known.Value.Name, ct)
                ?? new SparkApplicationStatus(known.Value.Namespace, known.Value.Name, SparkApplicationState.New, null, null, Deleted: true);
        }
        if (Interlocked.Increment(ref waiting) > options.Value.SubmitQueueLimit)
        {
            Interlocked.Decrement(ref waiting);
            throw new TooManyRequestsException($"{options.Value.SubmitQueueLimit} Spark submissions are already waiting for the API server.", 5);
        }
        try
        {
            await gate.WaitAsync(ct);
            try
            {
                var created = await applications.CreateAsync(application, ct);
                await state.TrySaveAsync(key, new SubmissionRecord(created.Namespace, created.Name), null, ct);
                return created;
            }
            finally
            {
                gate.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Where a submission went.</summary>
    public sealed record SubmissionRecord(string Namespace, string Name);
}
