using System.Text.Json;
using Iomete.DataSecurity.Decisions;

namespace Iomete.DataSecurity.Engine;

/// <summary>
/// The built-in service definitions: "iomete" (database = <c>catalog.database</c> → table → column, wildcards on,
/// case-insensitive; <c>all</c> implies every type, <c>write</c> implies insert, update and delete; Hive's mask types;
/// row filters on database + table for select) and its tag service "iomete-tag" (resource <c>tag</c>, access types
/// prefixed <c>iomete:</c>, tag masks allowed).
/// </summary>
public static class IometeServiceDef
{
    public const string Name = "iomete";
    public const string TagName = "iomete-tag";
    public const string TagPrefix = "iomete:";

    /// <summary>Hive's mask types (ids, names, transformers) in the order of Hive's service definition.</summary>
    public static IReadOnlyList<MaskTypeDef> MaskTypes { get; } =
    [
        new() { ItemId = 1, Name = "MASK", Label = "Redact", Transformer = "mask({col})" },
        new() { ItemId = 2, Name = "MASK_SHOW_LAST_4", Label = "Partial mask: show last 4", Transformer = "mask_show_last_n({col}, 4, 'x', 'x', 'x', -1, '1')" },
        new() { ItemId = 3, Name = "MASK_SHOW_FIRST_4", Label = "Partial mask: show first 4", Transformer = "mask_show_first_n({col}, 4, 'x', 'x', 'x', -1, '1')" },
        new() { ItemId = 4, Name = "MASK_HASH", Label = "Hash", Transformer = "mask_hash({col})" },
        new() { ItemId = 5, Name = "MASK_NULL", Label = "Nullify" },
        new() { ItemId = 6, Name = "MASK_NONE", Label = "Unmasked (retain original value)" },
        new() { ItemId = 12, Name = "MASK_DATE_SHOW_YEAR", Label = "Date: show only year", Transformer = "mask({col}, 'x', 'x', 'x', -1, '1', 1, 0, -1)" },
        new() { ItemId = 13, Name = "CUSTOM", Label = "Custom" },
    ];

    // Declared after MaskTypes: static initializers run in textual order.
    public static ServiceDefinition Resource { get; } = BuildResource();

    public static ServiceDefinition Tag { get; } = BuildTag();

    private static ServiceDefinition BuildResource()
    {
        ResourceDef database = new() { Name = "database", Level = 10, MatcherOptions = Options() };
        ResourceDef table = new() { Name = "table", Level = 20, Parent = "database", MatcherOptions = Options() };
        ResourceDef column = new() { Name = "column", Level = 30, Parent = "table", MatcherOptions = Options() };
        List<AccessTypeDef> select = [new() { Name = DataAccessTypes.Select }];
        return new ServiceDefinition
        {
            Name = Name,
            Resources = [database, table, column],
            AccessTypes = AccessTypeDefs(""),
            DataMaskDef = new DataMaskDef { MaskTypes = [.. MaskTypes], AccessTypes = select, Resources = [database, table, column] },
            RowFilterDef = new RowFilterDef { AccessTypes = select, Resources = [database, table] },
        };
    }

    private static ServiceDefinition BuildTag()
    {
        ResourceDef tag = new() { Name = "tag", Level = 1, MatcherOptions = Options() };
        return new ServiceDefinition
        {
            Name = TagName,
            Resources = [tag],
            AccessTypes = AccessTypeDefs(TagPrefix),
            DataMaskDef = new DataMaskDef
            {
                MaskTypes = [.. MaskTypes],
                AccessTypes = [new() { Name = TagPrefix + DataAccessTypes.Select }],
                Resources = [tag],
            },
        };
    }

    private static List<AccessTypeDef> AccessTypeDefs(string prefix)
    {
        var others = DataAccessTypes.Grantable.Where(t => t != DataAccessTypes.All).ToArray();
        return DataAccessTypes.Grantable.Select(t => new AccessTypeDef
        {
            Name = prefix + t,
            ImpliedGrants = t switch
            {
                DataAccessTypes.All => others.Select(o => prefix + o).ToList(),
                DataAccessTypes.Write => [prefix + DataAccessTypes.Insert, prefix + DataAccessTypes.Update, prefix + DataAccessTypes.Delete],
                _ => [],
            },
        }).ToList();
    }

    private static Dictionary<string, JsonElement> Options() => new()
    {
        ["wildCard"] = JsonSerializer.SerializeToElement(true),
        ["ignoreCase"] = JsonSerializer.SerializeToElement(true),
    };
}
