using Iomete.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Iomete.Platform.Http;

/// <summary>A page of a list: the items, the total that matched, and the window asked for.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit);

/// <summary>Paging, sorting and a text filter read from the query string, validated.</summary>
public sealed record ListQuery(int Offset, int Limit, string? Sort, bool Descending, string? Search)
{
    public const int MaxLimit = 1000;

    /// <param name="sortable">Allowed sort keys (API names) mapped to column names.</param>
    public static ListQuery From(HttpRequest request, IReadOnlyDictionary<string, string> sortable, string defaultSort)
    {
        var offset = ReadInt(request, "offset", 0, 0, int.MaxValue);
        var limit = ReadInt(request, "limit", 100, 1, MaxLimit);
        var sort = request.Query["sort"].ToString();
        var descending = false;
        if (sort.StartsWith('-'))
        {
            descending = true;
            sort = sort[1..];
        }
        if (string.IsNullOrEmpty(sort))
        {
            sort = defaultSort;
        }
        if (!sortable.TryGetValue(sort, out var column))
        {
            throw ValidationException.ForField("sort", $"must be one of: {string.Join(", ", sortable.Keys)} (prefix '-' for descending)");
        }
        var search = request.Query["search"].ToString();
        return new ListQuery(offset, limit, column, descending, string.IsNullOrWhiteSpace(search) ? null : search.Trim());
    }

    public string OrderBy => $"{Sort} {(Descending ? "DESC" : "ASC")}";

    /// <summary>A LIKE pattern for the search text, lowercased, with LIKE wildcards escaped.</summary>
    public string? SearchPattern => Search is null
        ? null
        : "%" + Search.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public static int ReadInt(HttpRequest request, string name, int fallback, int min, int max)
    {
        var raw = request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return fallback;
        }
        if (!int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ||
            value < min || value > max)
        {
            throw ValidationException.ForField(name, $"must be an integer from {min} to {max}");
        }
        return value;
    }
}
