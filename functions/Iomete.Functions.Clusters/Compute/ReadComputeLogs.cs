using System.Globalization;
using System.Text;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Compute;

public sealed class ReadComputeLogs(ICallerAccessor callers, ComputeAccess access, IDataPlaneDiagnostics diagnostics)
{
    public const string DownloadName = "spark-driver-logs.txt";

    [Function("clusters-compute-logs")]
    [OpenApiOperation("Compute clusters", "The driver log of a compute cluster (VIEW), as text",
        Description = "404 when no driver pod runs. download=true answers it as the attachment spark-driver-logs.txt.")]
    [OpenApiQuery("tailLines", "Only the last N lines (1-100000)", Type = "integer")]
    [OpenApiQuery("since", "Only lines of the last period: seconds, or a number with s, m or h (e.g. 5m)")]
    [OpenApiQuery("download", "true: as an attachment", Type = "boolean")]
    [OpenApiResponse(200, ContentType = "text/plain")]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/compute/{id}/logs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        int? tail = request.Query.ContainsKey("tailLines") ? ListQuery.ReadInt(request, "tailLines", 0, 1, 100_000) : null;
        var since = Since(request.Query["since"].ToString());
        var download = string.Equals(request.Query["download"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var cluster = await access.RequireAsync(caller, domain, id, ComputeAccess.View, ct);
        var pod = ComputeApplications.DriverPod(cluster.Id);
        var log = await diagnostics.ReadPodLogAsync(cluster.Namespace, pod, tail, since, ct)
                  ?? throw new NotFoundException("Driver pod", pod);
        if (download)
        {
            request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{DownloadName}\"";
        }
        return ApiResults.Bytes(Encoding.UTF8.GetBytes(log), "text/plain; charset=utf-8");
    }

    internal static long? Since(string raw)
    {
        if (raw.Length == 0)
        {
            return null;
        }
        var unit = char.IsLetter(raw[^1]) ? char.ToLowerInvariant(raw[^1]) : 's';
        var number = char.IsLetter(raw[^1]) ? raw[..^1] : raw;
        var scale = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        if (scale == 0 || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > 30L * 24 * 3600)
        {
            throw ValidationException.ForField("since", "must be a positive number of seconds, or a number with s, m or h (e.g. 5m)");
        }
        return value * scale;
    }
}
