using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Iomete.Platform.Audit;

/// <summary>
/// Decides what a finished request leaves in the audit log: every mutating request and every
/// authentication or authorization denial. Both hosts call it once per request. Accepted event
/// ingestion (<c>/data-plane/…</c>, thousands of requests a second) is counted in the stream's
/// metrics instead; its refusals are audited like any other. So are the platform's calls to itself (<c>/internal/…</c>: cron
/// bindings and pub/sub deliveries, several per user action, which that action's own record already covers).
/// </summary>
public sealed partial class AuditRecorder(IAuditLog log, ICallerAccessor callers, TimeProvider clock, IIdGenerator ids, ILogger<AuditRecorder> logger)
{
    public const string FunctionNameItem = "iomete.function";

    public const string DataPlanePrefix = "/data-plane";

    public const string DeliveryPrefix = "/internal";

    public static bool ShouldRecord(string method, int status) =>
        status is 401 or 403 ||
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    public static bool ShouldRecord(string method, PathString path, int status) =>
        ShouldRecord(method, status) && (status >= 400
            || !(path.StartsWithSegments(DataPlanePrefix, StringComparison.Ordinal) || path.StartsWithSegments(DeliveryPrefix, StringComparison.Ordinal)));

    public async Task RecordAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (!ShouldRecord(context.Request.Method, context.Request.Path, status))
        {
            return;
        }
        var caller = callers.Current(context);
        var domain = context.Request.RouteValues.TryGetValue("domain", out var d) ? d?.ToString() : null;
        var entry = new AuditEvent(
            ids.NewId(),
            clock.GetUtcNow(),
            caller?.UserId,
            caller?.Username,
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            status,
            status < 400,
            domain,
            FunctionName(context),
            context.Connection.RemoteIpAddress?.ToString());
        try
        {
            // The request is over; its own token may be cancelled already.
            await log.RecordAsync(entry, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogAuditFailed(logger, ex, entry.Method, entry.Path);
        }
    }

    /// <summary>The Functions worker names the function in Items; the local host in endpoint metadata.</summary>
    private static string? FunctionName(HttpContext context) =>
        context.Items.TryGetValue(FunctionNameItem, out var f) && f is string name
            ? name
            : context.GetEndpoint()?.Metadata.GetMetadata<Functions.FunctionDescriptor>()?.Name;

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Could not write the audit record of {Method} {Path}")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string method, string path);
}
