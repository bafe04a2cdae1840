using System.Globalization;
using System.Text;
using Iomete.Functions.IcebergRest.Errors;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.IcebergRest;

/// <summary>
/// The spec's pagination: without <c>pageToken</c> a list returns everything; with one (empty for the
/// first page) at most <c>pageSize</c> items and a <c>next-page-token</c>. Tokens are the last key, base64url.
/// </summary>
public sealed record IcebergPaging(string? After, int? PageSize)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>How many rows to fetch: one more than a page, to know whether another follows.</summary>
    public int? FetchLimit => PageSize + 1;

    public static IcebergPaging From(HttpRequest request)
    {
        if (!request.Query.ContainsKey("pageToken"))
        {
            return new IcebergPaging(null, null);
        }
        return new IcebergPaging(DecodeToken(request.Query["pageToken"].ToString()), ParsePageSize(request.Query["pageSize"].ToString()));
    }

    /// <summary>Cuts a fetched list to the page and gives the next token (null at the end).</summary>
    public (IReadOnlyList<T> Items, string? NextToken) Cut<T>(IReadOnlyList<T> fetched, Func<T, string> key)
    {
        if (PageSize is { } size && fetched.Count > size)
        {
            var page = fetched.Take(size).ToList();
            return (page, EncodeToken(key(page[^1])));
        }
        return (fetched, null);
    }

    private static int ParsePageSize(string value)
    {
        if (value.Length == 0)
        {
            return DefaultPageSize;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
        {
            throw IcebergErrors.BadRequestError("Invalid pageSize: it must be a positive integer.");
        }
        return Math.Min(size, MaxPageSize);
    }

    private static string EncodeToken(string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeToken(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(base64));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw IcebergErrors.BadRequestError("Invalid pageToken: use the next-page-token of a previous page.");
        }
    }
}
