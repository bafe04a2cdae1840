namespace Iomete.Platform.Errors;

/// <summary>
/// An error a caller should see. Functions throw these; one mapping point
/// (<see cref="ProblemMapper"/>) turns them into RFC 9457 problem+json responses.
/// </summary>
public class ApiException : Exception
{
    public ApiException(int status, string errorCode, string title, string? detail = null)
        : base(detail ?? title)
    {
        Status = status;
        ErrorCode = errorCode;
        Title = title;
        Detail = detail;
    }

    public int Status { get; }
    public string ErrorCode { get; }
    public string Title { get; }
    public string? Detail { get; }

    /// <summary>Field name to messages, for validation errors.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Seconds for a Retry-After header (429, 503).</summary>
    public int? RetryAfterSeconds { get; init; }
}

public sealed class ValidationException : ApiException
{
    public ValidationException(string detail, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(400, ErrorCodes.Validation, "Validation failed", detail) => Errors = errors;

    public static ValidationException ForField(string field, string message) =>
        new($"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });
}

public sealed class NotFoundException(string kind, string id)
    : ApiException(404, ErrorCodes.NotFound, "Not found", $"{kind} '{id}' was not found.");

public sealed class ConflictException(string detail)
    : ApiException(409, ErrorCodes.Conflict, "Conflict", detail);

public sealed class UnauthorizedException(string detail = "Authentication is required: send 'Authorization: Bearer <token>' or 'X-API-Token: <token>'.")
    : ApiException(401, ErrorCodes.Unauthorized, "Unauthorized", detail);

public sealed class ForbiddenException(string detail)
    : ApiException(403, ErrorCodes.Forbidden, "Forbidden", detail);

public sealed class TooManyRequestsException : ApiException
{
    public TooManyRequestsException(string detail, int retryAfterSeconds)
        : base(429, ErrorCodes.TooManyRequests, "Too many requests", detail) =>
        RetryAfterSeconds = retryAfterSeconds;
}

public sealed class PayloadTooLargeException(long limit)
    : ApiException(413, ErrorCodes.PayloadTooLarge, "Payload too large", $"The request body exceeds {limit} bytes.");
