using Iomete.Platform.Audit;
using Iomete.Platform.Errors;

namespace Iomete.Functions.LocalHost.Hosting;

/// <summary>
/// Around every request: errors become problem+json through the one mapper, unmatched routes
/// and methods answer through the same mapper, and the finished request goes to the audit recorder.
/// </summary>
internal sealed class FunctionPipelineMiddleware(RequestDelegate next, ProblemMapper problems, AuditRecorder audit)
{
    public async Task InvokeAsync(HttpContext context)
    {
        Platform.Http.SecurityHeaders.Register(context);
        try
        {
            await next(context);
            if (IsRoutingMiss(context))
            {
                await problems.WriteAsync(RoutingProblem(context), context);
            }
        }
        catch (Exception ex)
        {
            await problems.WriteAsync(ex, context);
        }
        finally
        {
            await audit.RecordAsync(context);
        }
    }

    /// <summary>No function ran (no route, or the route lacks this method) and nothing was written.</summary>
    private static bool IsRoutingMiss(HttpContext context) =>
        !context.Response.HasStarted &&
        context.Response.StatusCode is 404 or 405 &&
        context.GetEndpoint()?.Metadata.GetMetadata<Platform.Functions.FunctionDescriptor>() is null;

    private static Problem RoutingProblem(HttpContext context)
    {
        var status = context.Response.StatusCode;
        return status == 405
            ? new Problem(405, "METHOD_NOT_ALLOWED", "Method not allowed", $"{context.Request.Method} is not allowed on {context.Request.Path}.", context.Request.Path)
            : new Problem(404, ErrorCodes.NotFound, "Not found", $"No function serves {context.Request.Method} {context.Request.Path}.", context.Request.Path);
    }
}
