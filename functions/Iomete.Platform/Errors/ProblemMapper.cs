using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Iomete.Platform.Errors;

/// <summary>
/// The one place where exceptions become problem+json (RFC 9457) with IOMETE's errorCode, or the
/// body of a registered <see cref="IErrorBodyWriter"/> for the paths it claims.
/// </summary>
public sealed partial class ProblemMapper(ILogger<ProblemMapper> logger, IEnumerable<IErrorBodyWriter> writers)
{
    private readonly IErrorBodyWriter[] _writers = writers.ToArray();

    public const string ContentType = "application/problem+json";

    public Problem Map(Exception exception, HttpContext context)
    {
        switch (exception)
        {
            case ApiException api:
                return new Problem(api.Status, api.ErrorCode, api.Title, api.Detail, context.Request.Path, api.Errors)
                {
                    RetryAfterSeconds = api.RetryAfterSeconds,
                };
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return new Problem(413, ErrorCodes.PayloadTooLarge, "Payload too large", bad.Message, context.Request.Path);
            case BadHttpRequestException bad:
                return new Problem(bad.StatusCode, ErrorCodes.Validation, "Bad request", bad.Message, context.Request.Path);
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return new Problem(499, "CLIENT_CLOSED_REQUEST", "Client closed request", null, context.Request.Path);
            default:
                LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
                return new Problem(500, ErrorCodes.Internal, "Internal error",
                    "The server could not complete the request; the error was logged.", context.Request.Path);
        }
    }

    public async Task WriteAsync(Exception exception, HttpContext context)
    {
        await WriteAsync(Map(exception, context), context);
    }

    /// <summary>Writes a problem in the format its path calls for (also for routing misses).</summary>
    public Task WriteAsync(Problem problem, HttpContext context)
    {
        var path = context.Request.Path;
        foreach (var writer in _writers)
        {
            if (writer.Handles(path))
            {
                return problem.PrepareResponse(context) ? writer.WriteBodyAsync(problem, context) : Task.CompletedTask;
            }
        }
        return problem.WriteAsync(context);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}

/// <summary>An RFC 9457 problem document; <c>errorCode</c> is IOMETE's extension member.</summary>
public sealed record Problem(
    int Status,
    string ErrorCode,
    string Title,
    string? Detail,
    string? Instance,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public int? RetryAfterSeconds { get; init; }

    public string Type => "about:blank";

    /// <summary>Clears the response and sets status and Retry-After; false when it has already started.</summary>
    public bool PrepareResponse(HttpContext context)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }
        context.Response.Clear();
        context.Response.StatusCode = Status;
        if (RetryAfterSeconds is { } retry)
        {
            context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return true;
    }

    public async Task WriteAsync(HttpContext context)
    {
        if (!PrepareResponse(context))
        {
            return;
        }
        context.Response.ContentType = ProblemMapper.ContentType;
        var body = new Dictionary<string, object?>
        {
            ["type"] = Type,
            ["title"] = Title,
            ["status"] = Status,
            ["detail"] = Detail,
            ["instance"] = Instance,
            ["errorCode"] = ErrorCode,
        };
        if (Errors is not null)
        {
            body["errors"] = Errors;
        }
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Http.Json.Options, CancellationToken.None);
    }
}
