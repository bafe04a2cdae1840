namespace Iomete.Platform.Errors;

/// <summary>IOMETE's <c>errorCode</c> values; its SDKs read this member of an error body.</summary>
public static class ErrorCodes
{
    public const string Validation = "VALIDATION_ERROR";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string TooManyRequests = "TOO_MANY_REQUESTS";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string PreconditionFailed = "PRECONDITION_FAILED";
    public const string BadGateway = "BAD_GATEWAY";
    public const string Internal = "INTERNAL_ERROR";
}
