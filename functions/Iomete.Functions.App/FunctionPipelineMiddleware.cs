using Iomete.Platform.Audit;
using Iomete.Platform.Errors;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Iomete.Functions.App;

/// <summary>
/// The worker-side twin of the local host's pipeline: errors become problem+json through the
/// same mapper, and every finished request goes to the same audit recorder.
/// </summary>
internal sealed class FunctionPipelineMiddleware(ProblemMapper problems, AuditRecorder audit) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }
        http.Items[AuditRecorder.FunctionNameItem] = context.FunctionDefinition.Name;
        Platform.Http.SecurityHeaders.Register(http);
        http.Response.OnCompleted(() => audit.RecordAsync(http));
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            await problems.WriteAsync(ex.InnerException is not null && ex is AggregateException ? ex.InnerException : ex, http);
        }
    }
}
