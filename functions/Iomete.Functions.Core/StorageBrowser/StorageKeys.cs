using Iomete.Platform.Errors;
using Iomete.Platform.Storage;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Core.StorageBrowser;

/// <summary>Object keys and prefixes from the query string, relative to the warehouse root; anything that could escape it is a 400.</summary>
internal static class StorageKeys
{
    public static string RequireKey(HttpRequest request)
    {
        var key = request.Query["key"].ToString();
        if (key.Length == 0)
        {
            throw ValidationException.ForField("key", "is required: the object's key relative to the warehouse root");
        }
        try
        {
            ObjectKey.Validate(key);
        }
        catch (ArgumentException ex)
        {
            throw ValidationException.ForField("key", ex.Message);
        }
        return key;
    }

    public static string Prefix(HttpRequest request)
    {
        var prefix = request.Query["prefix"].ToString();
        try
        {
            ObjectKey.ValidatePrefix(prefix);
        }
        catch (ArgumentException ex)
        {
            throw ValidationException.ForField("prefix", ex.Message);
        }
        return prefix;
    }

    /// <summary>The last segment of a key, for download file names.</summary>
    public static string FileName(string key) => key[(key.LastIndexOf('/') + 1)..];
}
