using System.Text.Json;
using Iomete.Console.Api;

namespace Iomete.Console.Pages.DataSecurity;

/// <summary>
/// A policy as the form edits it, and the API body it becomes (<see cref="ToBody"/>) or comes from (<see cref="From"/>).
/// Lists are typed as comma-separated text; empty parts are dropped.
/// </summary>
public sealed class PolicyFormModel
{
    public PolicyKind Kind { get; set; }
    public long? Id { get; set; }
    public long? Version { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public bool IsEnabled { get; set; } = true;
    public bool IsAuditEnabled { get; set; } = true;
    public bool Override { get; set; }
    public bool IsDenyAllElse { get; set; }
    public string ValidFrom { get; set; } = "";
    public string ValidUntil { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public List<ResourceRow> Resources { get; } = [new()];
    public List<ItemRow> Items { get; } = [];

    public static PolicyFormModel New(PolicyKind kind)
    {
        var model = new PolicyFormModel { Kind = kind };
        model.Resources[0] = kind.IsTag() ? new ResourceRow() : new ResourceRow { Databases = "spark_catalog.*", Tables = kind == PolicyKind.Access ? "*" : "", Columns = kind == PolicyKind.Access ? "*" : "" };
        model.Items.Add(new ItemRow { Groups = "", MaskType = "MASK" });
        return model;
    }

    /// <summary>Splits "a, b,,c" into [a, b, c].</summary>
    public static List<string> Split(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public Dictionary<string, object?> ToBody()
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = Name.Trim(),
            ["description"] = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
            ["isEnabled"] = IsEnabled,
            ["isAuditEnabled"] = IsAuditEnabled,
            ["priority"] = Override ? "OVERRIDE" : "NORMAL",
            ["resources"] = Resources.Select(ResourceBody).ToList(),
        };
        if (Version is { } version)
        {
            body["version"] = version;
        }
        if (!string.IsNullOrWhiteSpace(ValidFrom) || !string.IsNullOrWhiteSpace(ValidUntil))
        {
            body["validityPeriod"] = new Dictionary<string, object?>
            {
                ["startTime"] = NullIfBlank(ValidFrom),
                ["endTime"] = NullIfBlank(ValidUntil),
                ["timeZone"] = NullIfBlank(TimeZone),
            };
        }
        if (Kind.IsAccess())
        {
            body["allowPolicyItems"] = AccessItems(ItemList.Allow);
            body["allowExceptions"] = AccessItems(ItemList.AllowException);
            body["denyPolicyItems"] = AccessItems(ItemList.Deny);
            body["denyExceptions"] = AccessItems(ItemList.DenyException);
            body["isDenyAllElse"] = IsDenyAllElse;
        }
        else if (Kind.IsMask())
        {
            body["dataMaskPolicyItems"] = Items.Select(i => new Dictionary<string, object?>(Principals(i))
            {
                ["dataMaskType"] = i.MaskType,
                ["dataMaskCustomExpr"] = i.MaskType == "CUSTOM" ? NullIfBlank(i.CustomExpression) : null,
                ["conditionExpr"] = NullIfBlank(i.Condition),
            }).ToList();
        }
        else
        {
            body["rowFilterPolicyItems"] = Items.Select(i => new Dictionary<string, object?>(Principals(i))
            {
                ["filterExpr"] = NullIfBlank(i.FilterExpression),
            }).ToList();
        }
        return body;
    }

    private List<Dictionary<string, object?>> AccessItems(ItemList list) =>
        [.. Items.Where(i => i.List == list).Select(i => new Dictionary<string, object?>(Principals(i))
        {
            ["accesses"] = i.Accesses.ToList(),
            ["delegateAdmin"] = i.DelegateAdmin,
        })];

    private static Dictionary<string, object?> Principals(ItemRow item) => new()
    {
        ["users"] = Split(item.Users),
        ["groups"] = Split(item.Groups),
        ["roles"] = Split(item.Roles),
    };

    private Dictionary<string, object?> ResourceBody(ResourceRow row)
    {
        if (Kind.IsTag())
        {
            return new() { ["tags"] = Split(row.Tags) };
        }
        var body = new Dictionary<string, object?>
        {
            ["databases"] = Split(row.Databases),
            ["databasesInclusionType"] = row.ExcludeDatabases ? "EXCLUDE" : "INCLUDE",
            ["tables"] = Split(row.Tables),
            ["tablesInclusionType"] = row.ExcludeTables ? "EXCLUDE" : "INCLUDE",
        };
        if (Kind != PolicyKind.Filter)
        {
            body["columns"] = Split(row.Columns);
            body["columnsInclusionType"] = row.ExcludeColumns ? "EXCLUDE" : "INCLUDE";
        }
        return body;
    }

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The form for an existing policy as the API returned it.</summary>
    public static PolicyFormModel From(PolicyKind kind, JsonElement policy)
    {
        var model = new PolicyFormModel
        {
            Kind = kind,
            Id = policy.Long("id"),
            Version = policy.Long("version"),
            Name = policy.Str("name") ?? "",
            Description = policy.Str("description") ?? "",
            IsEnabled = policy.Obj("isEnabled") is not { ValueKind: JsonValueKind.False },
            IsAuditEnabled = policy.Obj("isAuditEnabled") is not { ValueKind: JsonValueKind.False },
            Override = policy.Str("priority") == "OVERRIDE",
            IsDenyAllElse = policy.Bool("isDenyAllElse"),
        };
        var validity = policy.Obj("validityPeriod") ?? policy.Items("validityPeriods").Cast<JsonElement?>().FirstOrDefault();
        if (validity is { } period)
        {
            model.ValidFrom = period.Str("startTime") ?? "";
            model.ValidUntil = period.Str("endTime") ?? "";
            model.TimeZone = period.Str("timeZone") ?? "";
        }
        model.Resources.Clear();
        foreach (var r in policy.Items("resources"))
        {
            model.Resources.Add(new ResourceRow
            {
                Databases = Join(r, "databases"),
                Tables = Join(r, "tables"),
                Columns = Join(r, "columns"),
                Tags = Join(r, "tags"),
                ExcludeDatabases = (r.Str("databasesInclusionType") ?? r.Str("databaseInclusionType")) == "EXCLUDE",
                ExcludeTables = (r.Str("tablesInclusionType") ?? r.Str("tableInclusionType")) == "EXCLUDE",
                ExcludeColumns = (r.Str("columnsInclusionType") ?? r.Str("columnInclusionType")) == "EXCLUDE",
            });
        }
        if (model.Resources.Count == 0)
        {
            model.Resources.Add(new ResourceRow());
        }
        AddItems(model, policy, "allowPolicyItems", ItemList.Allow);
        AddItems(model, policy, "allowExceptions", ItemList.AllowException);
        AddItems(model, policy, "denyPolicyItems", ItemList.Deny);
        AddItems(model, policy, "denyExceptions", ItemList.DenyException);
        AddItems(model, policy, "dataMaskPolicyItems", ItemList.Allow);
        AddItems(model, policy, "rowFilterPolicyItems", ItemList.Allow);
        return model;
    }

    private static void AddItems(PolicyFormModel model, JsonElement policy, string name, ItemList list)
    {
        foreach (var i in policy.Items(name))
        {
            model.Items.Add(new ItemRow
            {
                List = list,
                Users = Join(i, "users"),
                Groups = Join(i, "groups"),
                Roles = Join(i, "roles"),
                Accesses = [.. i.Items("accesses").Select(a => (a.GetString() ?? "").ToUpperInvariant())],
                DelegateAdmin = i.Bool("delegateAdmin"),
                MaskType = i.Str("dataMaskType") ?? "MASK",
                CustomExpression = i.Str("dataMaskCustomExpr") ?? "",
                Condition = i.Str("conditionExpr") ?? "",
                FilterExpression = i.Str("filterExpr") ?? "",
            });
        }
    }

    private static string Join(JsonElement e, string name) => string.Join(", ", e.Items(name).Select(v => v.GetString()));

    /// <summary>The API's name of an item's field in a 400 problem, e.g. <c>denyPolicyItems[0].accesses</c>.</summary>
    public string ItemField(ItemRow item, string property)
    {
        var list = Kind.IsAccess()
            ? item.List switch
            {
                ItemList.Allow => "allowPolicyItems",
                ItemList.AllowException => "allowExceptions",
                ItemList.Deny => "denyPolicyItems",
                _ => "denyExceptions",
            }
            : Kind.IsMask() ? "dataMaskPolicyItems" : "rowFilterPolicyItems";
        var index = Items.Where(i => !Kind.IsAccess() || i.List == item.List).ToList().IndexOf(item);
        return $"{list}[{index}].{property}";
    }

    public string ResourceField(ResourceRow row, string property) => $"resources[{Resources.IndexOf(row)}].{property}";
}
