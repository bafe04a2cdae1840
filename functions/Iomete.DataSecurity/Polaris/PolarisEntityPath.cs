namespace Iomete.DataSecurity.Polaris;

/// <summary>
/// A Polaris entity as the Ranger authorizer names it: <c>TYPE:root/catalog/namespace.../leaf</c>, e.g.
/// <c>TABLE_LIKE:POLARIS/catalog1/namespace1/table1</c>. Namespace levels between the catalog and the leaf are joined
/// with <c>.</c>. Types: ROOT, CATALOG, PRINCIPAL, NAMESPACE, TABLE_LIKE, POLICY.
/// </summary>
public sealed record PolarisEntityPath(string Type, IReadOnlyList<string> Names)
{
    public static PolarisEntityPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException($"'{text}' is not TYPE:path");
        }
        return new PolarisEntityPath(text[..colon], text[(colon + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The Ranger Polaris resource (root, catalog, principal, namespace, table, policy), or null for entity types Ranger does not model.</summary>
    public IReadOnlyDictionary<string, string>? ToResource()
    {
        var n = Names;
        return Type switch
        {
            "ROOT" when n.Count == 1 => new Dictionary<string, string> { ["root"] = n[0] },
            "CATALOG" when n.Count == 2 => new Dictionary<string, string> { ["root"] = n[0], ["catalog"] = n[1] },
            "PRINCIPAL" when n.Count == 2 => new Dictionary<string, string> { ["root"] = n[0], ["principal"] = n[1] },
            "NAMESPACE" when n.Count >= 3 => Nested(n.Count),
            "TABLE_LIKE" when n.Count >= 4 => Leaf("table"),
            "POLICY" when n.Count >= 4 => Leaf("policy"),
            _ => null,
        };
    }

    private Dictionary<string, string> Nested(int namespaceEnd) => new()
    {
        ["root"] = Names[0],
        ["catalog"] = Names[1],
        ["namespace"] = string.Join('.', Names.Skip(2).Take(namespaceEnd - 2)),
    };

    private Dictionary<string, string> Leaf(string leaf)
    {
        var resource = Nested(Names.Count - 1);
        resource[leaf] = Names[^1];
        return resource;
    }
}
