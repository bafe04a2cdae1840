using System.Text.RegularExpressions;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>Kubernetes naming rules (DNS-1035/1123 labels, label keys and values); a breach is a 400.</summary>
public static partial class KubernetesNames
{
    /// <summary>
    /// The longest name we accept for an application, a deployment or a service owner: the objects derived from it
    /// append up to 11 characters (<c>-driver-svc</c>, <c>-endpoints</c>) and must stay within a 63-character label.
    /// </summary>
    public const int MaxResourceNameLength = 52;

    /// <summary>A DNS-1035 label (lowercase letters, digits, '-', starting with a letter), as Services require.</summary>
    public static void RequireResourceName(string field, string value)
    {
        if (value.Length > MaxResourceNameLength || !Dns1035().IsMatch(value))
            throw ValidationException.ForField(field,
                $"'{value}' must be 1-{MaxResourceNameLength} lowercase letters, digits or '-', start with a letter and end with a letter or digit.");
    }

    /// <summary>A DNS-1123 label, as namespaces require.</summary>
    public static void RequireNamespace(string field, string value)
    {
        if (value.Length > 63 || !Dns1123().IsMatch(value))
            throw ValidationException.ForField(field,
                $"'{value}' must be 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit.");
    }

    public static void RequireLabelValue(string field, string value)
    {
        if (value.Length > 63 || !LabelValue().IsMatch(value))
            throw ValidationException.ForField(field,
                $"'{value}' is not a Kubernetes label value (at most 63 letters, digits, '-', '_' or '.', alphanumeric at both ends).");
    }

    public static void RequireLabelKey(string field, string key)
    {
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        var prefixOk = slash < 0 || (slash <= 253 && Dns1123Subdomain().IsMatch(key[..slash]));
        if (!prefixOk || name.Length is 0 or > 63 || !LabelValue().IsMatch(name))
            throw ValidationException.ForField(field, $"'{key}' is not a Kubernetes label key.");
    }

    /// <summary>An environment variable name: printable ASCII without '=' (Kubernetes 1.30+).</summary>
    public static void RequireEnvName(string field, string name)
    {
        if (name.Length == 0 || name.Any(c => c is < ' ' or > '~' or '='))
            throw ValidationException.ForField(field, $"'{name}' is not a valid environment variable name.");
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
