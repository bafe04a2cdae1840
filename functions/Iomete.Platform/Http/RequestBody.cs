using System.ComponentModel.DataAnnotations;
using ValidationException = Iomete.Platform.Errors.ValidationException;
using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Platform.Http;

/// <summary>Reads and validates JSON request bodies, turning every kind of bad input into a 4xx.</summary>
public static class RequestBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        var limit = request.HttpContext.RequestServices.GetService<IOptions<IometeOptions>>()?.Value.MaxRequestBodyBytes
                    ?? 1024 * 1024;
        if (request.ContentLength > limit)
        {
            throw new PayloadTooLargeException(limit);
        }
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            throw new ApiException(415, ErrorCodes.UnsupportedMediaType, "Unsupported media type",
                $"Expected 'application/json', got '{contentType}'.");
        }

        var buffer = await ReadLimitedAsync(request.Body, limit, ct);
        if (buffer.Length == 0)
        {
            throw new ValidationException("A JSON request body is required.");
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(buffer, Json.Options);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            throw new ValidationException($"Malformed JSON body: {Describe(ex)}",
                new Dictionary<string, string[]> { [field] = [Describe(ex)] });
        }
        if (value is null)
        {
            throw new ValidationException("A JSON object is required, not null.");
        }
        Validate(value);
        return value;
    }

    /// <summary>Runs DataAnnotations validation and throws a 400 listing every invalid field.</summary>
    public static void Validate(object value)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            return;
        }
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : ["body"]).Select(m => (Member: Camel(m), r.ErrorMessage)))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "is invalid").ToArray());
        throw new ValidationException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), errors);
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var memory = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (memory.Length + read > limit)
            {
                throw new PayloadTooLargeException(limit);
            }
            memory.Write(chunk, 0, read);
        }
        return memory.ToArray();
    }

    private static bool IsJson(string contentType) =>
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
        contentType.Contains("+json", StringComparison.OrdinalIgnoreCase) ||
        contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);

    private static string Describe(JsonException ex)
    {
        // System.Text.Json messages name .NET types; say what is wrong in the caller's terms.
        var at = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "the body" : ex.Path.TrimStart('$', '.');
        var message = ex.Message;
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"{at} has the wrong type";
        }
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var cut = message.IndexOf("including:", StringComparison.Ordinal);
            return cut > 0 ? "missing required properties: " + message[(cut + 10)..].Trim().TrimEnd('.') : "missing required properties";
        }
        var pathCut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = pathCut > 0 ? message[..pathCut] : message;
        return $"{message.TrimEnd('.')} (at {at})";
    }

    private static string Camel(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
