namespace Iomete.Console.Pages.EventStreams;

/// <summary>
/// The Connect tab's snippets as the API gives them, with its placeholders filled in from what the user chose: the
/// access token, the target table and (for curl, which has no UUID function) a fresh idempotency key.
/// </summary>
public static class StreamSnippets
{
    public const string TokenPlaceholder = "<your-access-token>";
    public const string TablePlaceholder = "spark_catalog.default.events";
    public const string CurlKeyPlaceholder = "batch-0001";

    /// <summary>The languages the Connect tab shows, with the API's snippet names.</summary>
    public static readonly (string Name, string Label)[] Languages =
    [
        ("curl", "curl"), ("python", "Python"), ("javascript", "JavaScript"), ("csharp", "C#"), ("java", "Java"), ("go", "Go"),
    ];

    public static string Fill(string snippet, string? token, string? table, string? idempotencyKey)
    {
        var filled = snippet;
        if (!string.IsNullOrWhiteSpace(token))
        {
            filled = filled.Replace(TokenPlaceholder, token.Trim(), StringComparison.Ordinal);
        }
        if (!string.IsNullOrWhiteSpace(table))
        {
            filled = filled.Replace(TablePlaceholder, table.Trim(), StringComparison.Ordinal);
        }
        if (!string.IsNullOrWhiteSpace(idempotencyKey))
        {
            filled = filled.Replace(CurlKeyPlaceholder, idempotencyKey, StringComparison.Ordinal);
        }
        return filled;
    }

    /// <summary>A table name the ingest header accepts: <c>catalog.database.table</c> (three non-empty parts).</summary>
    public static bool IsTableName(string? table) =>
        table is not null && table.Trim().Split('.') is { Length: 3 } parts && parts.All(p => p.Length > 0);
}
