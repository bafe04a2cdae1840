using Iomete.Functions.Clusters.Common;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Secrets;

/// <summary>
/// Checks the <c>secretObject</c> references of a payload (envSecrets, sparkConfSecrets, storageSecret) before anything
/// is deployed: a KUBERNETES reference names a key of the domain's store (source id = the domain) or of the global store
/// (source id empty); a missing key is a 400 naming every missing one. Vault integrations are not configured here.
/// </summary>
public sealed class SecretReferences(SecretStore store)
{
    public async Task ValidateAsync(string domain, IEnumerable<SecretObject> references, CancellationToken ct, string field = "secretObject")
    {
        var byScope = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            SecretRules.RequireKey(reference.Key, $"{field}.key");
            var type = reference.Source?.Type;
            if (string.Equals(type, SecretObjects.Vault, StringComparison.OrdinalIgnoreCase))
            {
                throw ValidationException.ForField($"{field}.source", "Vault integrations are not configured");
            }
            if (!string.Equals(type, SecretObjects.Kubernetes, StringComparison.OrdinalIgnoreCase))
            {
                throw ValidationException.ForField($"{field}.source.type", $"must be {SecretObjects.Kubernetes} or {SecretObjects.Vault}");
            }
            var id = reference.Source!.Id;
            var scope = string.IsNullOrEmpty(id) ? SecretStore.GlobalScope : id;
            if (scope != SecretStore.GlobalScope && scope != domain)
            {
                throw ValidationException.ForField($"{field}.source.id", $"secrets of domain '{scope}' cannot be used in domain '{domain}'");
            }
            if (!byScope.TryGetValue(scope, out var keys))
            {
                byScope[scope] = keys = new HashSet<string>(StringComparer.Ordinal);
            }
            keys.Add(reference.Key);
        }
        var missing = new List<string>();
        foreach (var (scope, keys) in byScope)
        {
            var found = await store.ExistingAsync(scope, keys, ct);
            missing.AddRange(keys.Where(k => !found.Contains(k)).Select(k => scope == SecretStore.GlobalScope ? $"{k} (global)" : $"{k} (domain {scope})"));
        }
        if (missing.Count > 0)
        {
            missing.Sort(StringComparer.Ordinal);
            throw ValidationException.ForField(field, $"secrets not found: {string.Join(", ", missing)}");
        }
    }
}
