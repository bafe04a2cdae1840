namespace Iomete.Platform.Storage;

/// <summary>
/// The key rules every adapter enforces alike: relative, '/'-separated, no empty, '.' or '..'
/// segments, no backslashes or control characters. So a key can never leave the store's root,
/// and a key that works on S3 also works in a folder.
/// </summary>
public static class ObjectKey
{
    public const int MaxLength = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="key"/> names an object.</summary>
    public static void Validate(string key, string parameterName = "key")
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        if (key.Length == 0 || key.EndsWith('/'))
        {
            throw new ArgumentException($"Object key '{key}' must name an object, not be empty or end with '/'.", parameterName);
        }
        ValidateSegments(key, parameterName);
    }

    /// <summary>Like <see cref="Validate"/> for a listing prefix: may be empty and may end with '/'.</summary>
    public static void ValidatePrefix(string prefix, string parameterName = "prefix")
    {
        ArgumentNullException.ThrowIfNull(prefix, parameterName);
        if (prefix.Length == 0)
        {
            return;
        }
        ValidateSegments(prefix.EndsWith('/') ? prefix[..^1] : prefix, parameterName);
    }

    private static void ValidateSegments(string key, string parameterName)
    {
        if (key.Length > MaxLength)
        {
            throw new ArgumentException($"Object key is longer than {MaxLength} characters.", parameterName);
        }
        if (key.StartsWith('/') || key.Contains('\\', StringComparison.Ordinal) || key.Any(char.IsControl) ||
            Path.IsPathRooted(key))
        {
            throw new ArgumentException($"Object key '{key}' must be relative, '/'-separated, without backslashes or control characters.", parameterName);
        }
        foreach (var segment in key.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                throw new ArgumentException($"Object key '{key}' must not contain empty, '.' or '..' segments.", parameterName);
            }
        }
    }
}
