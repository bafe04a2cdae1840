namespace Iomete.Console.Pages.DataSecurity;

/// <summary>The five policy kinds and their routes under <c>/api/v1/admin/data-security/</c>.</summary>
public enum PolicyKind
{
    Access,
    Mask,
    Filter,
    TagAccess,
    TagMask,
}

public static class PolicyKinds
{
    public const string Base = "/api/v1/admin/data-security";

    public static string Path(this PolicyKind kind) => Base + kind switch
    {
        PolicyKind.Access => "/access/policy",
        PolicyKind.Mask => "/mask/policy",
        PolicyKind.Filter => "/filter/policy",
        PolicyKind.TagAccess => "/tag/access/policy",
        _ => "/tag/mask/policy",
    };

    public static string Title(this PolicyKind kind) => kind switch
    {
        PolicyKind.Access => "access policy",
        PolicyKind.Mask => "data masking policy",
        PolicyKind.Filter => "row filter policy",
        PolicyKind.TagAccess => "tag-based access policy",
        _ => "tag-based masking policy",
    };

    public static bool IsTag(this PolicyKind kind) => kind is PolicyKind.TagAccess or PolicyKind.TagMask;

    public static bool IsAccess(this PolicyKind kind) => kind is PolicyKind.Access or PolicyKind.TagAccess;

    public static bool IsMask(this PolicyKind kind) => kind is PolicyKind.Mask or PolicyKind.TagMask;

    /// <summary>The access types the API takes (Ranger's names, upper case).</summary>
    public static IReadOnlyList<string> AccessTypes { get; } =
        ["ALL", "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "READ", "WRITE", "REFRESH", "CREATE_DATABASE", "DROP_DATABASE", "ALTER_DATABASE"];

    /// <summary>The mask types a kind offers: tag masking has no CUSTOM expression.</summary>
    public static IReadOnlyList<(string Value, string Label)> MaskTypes(this PolicyKind kind)
    {
        List<(string, string)> types =
        [
            ("MASK", "Redact (x for letters, n for digits)"),
            ("MASK_SHOW_LAST_4", "Partial mask: show last 4"),
            ("MASK_SHOW_FIRST_4", "Partial mask: show first 4"),
            ("MASK_HASH", "Hash"),
            ("MASK_NULL", "Nullify"),
            ("MASK_NONE", "Unmasked (retain original value)"),
            ("MASK_DATE_SHOW_YEAR", "Date: show only year"),
        ];
        if (kind == PolicyKind.Mask)
        {
            types.Add(("CUSTOM", "Custom expression"));
        }
        return types;
    }
}

/// <summary>Which list of an access policy an item belongs to.</summary>
public enum ItemList
{
    Allow,
    AllowException,
    Deny,
    DenyException,
}

/// <summary>One resource set as the form edits it: comma-separated values per level.</summary>
public sealed class ResourceRow
{
    public string Databases { get; set; } = "";
    public string Tables { get; set; } = "";
    public string Columns { get; set; } = "";
    public string Tags { get; set; } = "";
    public bool ExcludeDatabases { get; set; }
    public bool ExcludeTables { get; set; }
    public bool ExcludeColumns { get; set; }
}

/// <summary>One condition: who, and what it grants/denies, masks or filters.</summary>
public sealed class ItemRow
{
    public ItemList List { get; set; } = ItemList.Allow;
    public string Users { get; set; } = "";
    public string Groups { get; set; } = "";
    public string Roles { get; set; } = "";
    public IReadOnlyCollection<string> Accesses { get; set; } = ["SELECT"];
    public bool DelegateAdmin { get; set; }
    public string MaskType { get; set; } = "MASK";
    public string CustomExpression { get; set; } = "";
    public string Condition { get; set; } = "";
    public string FilterExpression { get; set; } = "";
}
