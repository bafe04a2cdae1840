using System.Text.RegularExpressions;
using Iomete.Testing;

namespace Iomete.Integration.Tests.Walks;

/// <summary>Concrete URLs for every function in functions.metadata, for tests that walk them all.</summary>
internal static partial class RouteSample
{
    /// <summary>Functions that serve callers without credentials, by design. Keep this list short.</summary>
    public static readonly string[] AnonymousAllowList =
    [
        "healthz",
        "readyz",
        "core-openapi-document",
        "identity-auth-login",
        "identity-auth-refresh",
        "identity-oidc-discovery",
        "identity-oidc-jwks",
        "identity-oidc-authorize",
        "identity-oidc-authorize-submit",
        "identity-oidc-token",
        "identity-sso-providers",
        "identity-sso-oidc-login",
        "identity-sso-oidc-callback",
        "identity-sso-exchange",
        "iceberg-oauth-tokens",
    ];

    public static IEnumerable<(FunctionsMetadata.Entry Function, string Method, string Url)> All(Func<string, string>? valueFor = null)
    {
        foreach (var entry in FunctionsMetadata.Read())
        {
            var url = "/" + Parameter().Replace(entry.Route, m => Uri.EscapeDataString(valueFor?.Invoke(m.Groups["name"].Value) ?? "no-such-" + m.Groups["name"].Value));
            foreach (var method in entry.Methods)
            {
                yield return (entry, method, url);
            }
        }
    }

    [GeneratedRegex(@"\{\*?(?<name>[A-Za-z0-9_]+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
