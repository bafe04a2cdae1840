using Iomete.Platform.Errors;
using Iomete.Workflows.Jobs;

namespace Iomete.Functions.Orchestrator.JobRuns;

internal static class JobServiceCalls
{
    /// <summary>A job-service call made for a request: its 4xx pass through; no answer is a 502 the caller may retry.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (JobServiceUnavailableException e)
        {
            throw new ApiException(502, ErrorCodes.BadGateway, "Job service unavailable", e.Message);
        }
    }
}
