using System.Text.RegularExpressions;
using Grpc.Core;
using Iomete.Engine.Sessions;

namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>
/// Turns a Spark Connect error status into the SQL service's statement errors. Spark puts its error class first in the
/// message (<c>[PARSE_SYNTAX_ERROR] Syntax error at or near …</c>); the class decides the error code, the message stays Spark's.
/// </summary>
internal static partial class SparkErrors
{
    public static Exception From(RpcException ex, SparkConnectAddress address)
    {
        var message = string.IsNullOrWhiteSpace(ex.Status.Detail) ? ex.Status.StatusCode.ToString() : ex.Status.Detail;
        switch (ex.StatusCode)
        {
            case StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unimplemented:
                return new ComputeUnavailableException($"The Spark cluster at {address} did not answer: {message}", ex);
            case StatusCode.PermissionDenied or StatusCode.Unauthenticated:
                return new SqlNotAllowedException(message);
        }
        var errorClass = ErrorClass().Match(message) is { Success: true } match ? match.Groups[1].Value : "";
        if (errorClass.StartsWith("PARSE_", StringComparison.Ordinal) || message.Contains("ParseException", StringComparison.Ordinal))
        {
            return new SqlSyntaxException(message, null, ex);
        }
        if (errorClass.EndsWith("_NOT_FOUND", StringComparison.Ordinal) || errorClass.StartsWith("UNRESOLVED_", StringComparison.Ordinal))
        {
            return new SqlObjectNotFoundException(message, ex);
        }
        if (errorClass is "INSUFFICIENT_PERMISSIONS" or "ACCESS_DENIED")
        {
            return new SqlNotAllowedException(message);
        }
        if (errorClass.EndsWith("_ALREADY_EXISTS", StringComparison.Ordinal) || errorClass.StartsWith("DATATYPE_MISMATCH", StringComparison.Ordinal)
            || errorClass.StartsWith("INVALID_", StringComparison.Ordinal))
        {
            return new SqlInvalidException(message, ex);
        }
        return new SqlExecutionException(message, ex);
    }

    [GeneratedRegex(@"^\s*\[([A-Z0-9_]+)(?:\.[A-Z0-9_]+)*\]")]
    private static partial Regex ErrorClass();
}
