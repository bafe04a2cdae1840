using System.Text.Json;

namespace Iomete.Console.Api;

/// <summary>An RFC 9457 problem as the platform answers it (with <c>errorCode</c> and per-field <c>errors</c>).</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, string? ErrorCode, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>What to show a person: the detail when there is one, else the title.</summary>
    public string Message => string.IsNullOrWhiteSpace(Detail) ? Title : Detail;

    /// <summary>The messages for one field (matched case-insensitively), for inline validation.</summary>
    public IReadOnlyList<string> For(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value ?? [];

    public static ApiProblem Parse(int status, string? reason, string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                // The Iceberg routes answer the spec's ErrorModel: {"error": {"message", "type", "code"}}.
                if (root.TryGetProperty("error", out var iceberg) && iceberg.ValueKind == JsonValueKind.Object)
                {
                    return new ApiProblem(status, Text(iceberg, "type") ?? reason ?? "Error", Text(iceberg, "message"), Text(iceberg, "type"), Empty);
                }
                var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
                if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in fields.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? [.. field.Value.EnumerateArray().Select(m => m.ToString())]
                            : [field.Value.ToString()];
                    }
                }
                return new ApiProblem(status, Text(root, "title") ?? reason ?? "Error", Text(root, "detail"), Text(root, "errorCode"), errors);
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the status line.
        }
        return new ApiProblem(status, reason ?? $"HTTP {status}", string.IsNullOrWhiteSpace(body) ? null : body.Trim(), null, Empty);
    }

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>The platform answered with a problem; the console shows <see cref="Problem"/>.</summary>
public sealed class ApiProblemException(ApiProblem problem) : Exception(problem.Message)
{
    public ApiProblem Problem => problem;
}
