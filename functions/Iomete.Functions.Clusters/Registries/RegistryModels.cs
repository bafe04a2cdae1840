using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Clusters.Registries;

/// <summary>A private Docker registry and the image-pull Secret kept for it; the password is never returned.</summary>
public sealed record RegistryView(
    string Name, string Host, string Namespace, string Username, string PullSecretName,
    string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>A new registry. <see cref="Name"/> and <see cref="Namespace"/> cannot change later.</summary>
public sealed record CreateRegistryRequest(
    [property: Required] string? Name = null,
    [property: Required, StringLength(255)] string? Host = null,
    [property: Required] string? Namespace = null,
    [property: Required, StringLength(255)] string? Username = null,
    [property: Required, StringLength(4096)] string? Password = null);

/// <summary>
/// New connection details. The password must be sent on every update (it is never read back); name and namespace are
/// immutable, and naming different ones is a 400.
/// </summary>
public sealed record UpdateRegistryRequest(
    [property: Required, StringLength(255)] string? Host = null,
    [property: Required, StringLength(255)] string? Username = null,
    [property: Required, StringLength(4096)] string? Password = null,
    string? Name = null,
    string? Namespace = null);

public static partial class RegistryRules
{
    public const string PullSecretPrefix = "iomete-registry-";

    /// <summary>The image-pull Secret of a registry, in the registry's namespace.</summary>
    public static string PullSecretName(string name) => PullSecretPrefix + name;

    public static void RequireName(string? name)
    {
        if (name is null || name.Length > 47 || !NamePattern().IsMatch(name))
        {
            throw ValidationException.ForField("name", "must be 1-47 lowercase letters, digits or '-', starting and ending with a letter or digit");
        }
    }

    public static void RequireHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host) || host.Any(char.IsWhiteSpace))
        {
            throw ValidationException.ForField("host", "is required: the registry host, e.g. registry.example.com:5000");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex NamePattern();
}
