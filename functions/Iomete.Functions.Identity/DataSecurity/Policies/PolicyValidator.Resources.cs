namespace Iomete.Functions.Identity.DataSecurity.Policies;

public static partial class PolicyValidator
{
    private static void ValidateResources(PolicyKind kind, List<PolicyResourceBody>? resources, ValidationErrors errors, string prefix)
    {
        if (resources is not { Count: > 0 })
        {
            errors.Add(prefix + "resources", "needs at least one resource");
            return;
        }
        if (resources.Count > 1000)
        {
            errors.Add(prefix + "resources", "must have at most 1000 entries");
            return;
        }
        for (var i = 0; i < resources.Count; i++)
        {
            var r = resources[i];
            var at = $"{prefix}resources[{i}]";
            if (r is null)
            {
                errors.Add(at, "must be an object");
                continue;
            }
            if (kind.IsTag())
            {
                Values(r.Tags, at + ".tags", required: true, single: false, wildcards: false, errors);
                foreach (var (list, field) in new[] { (r.Databases, "databases"), (r.Tables, "tables"), (r.Columns, "columns") })
                {
                    if (list is { Count: > 0 })
                    {
                        errors.Add($"{at}.{field}", "is not part of a tag policy (name tags only)");
                    }
                }
                continue;
            }
            if (r.Tags is { Count: > 0 })
            {
                errors.Add(at + ".tags", "belongs to tag policies (/tag/access, /tag/mask)");
            }
            var single = kind != PolicyKind.Access;
            Values(r.Databases, at + ".databases", required: true, single, wildcards: !single, errors);
            Values(r.Tables, at + ".tables", required: single, single, wildcards: !single, errors);
            if (kind == PolicyKind.Filter)
            {
                if (r.Columns is { Count: > 0 })
                {
                    errors.Add(at + ".columns", "is not part of a row-filter policy");
                }
            }
            else
            {
                Values(r.Columns, at + ".columns", required: kind == PolicyKind.Mask, single, wildcards: !single, errors);
            }
            if (r.Columns is { Count: > 0 } && r.Tables is not { Count: > 0 })
            {
                errors.Add(at + ".tables", "is required when columns are given");
            }
            Inclusion(kind, r.DatabasesInclusionType ?? r.DatabaseInclusionType, at + ".databasesInclusionType", errors);
            Inclusion(kind, r.TablesInclusionType ?? r.TableInclusionType, at + ".tablesInclusionType", errors);
            Inclusion(kind, r.ColumnsInclusionType ?? r.ColumnInclusionType, at + ".columnsInclusionType", errors);
            if (single && r.Databases is [var database] && !string.IsNullOrWhiteSpace(database) && !database.Contains('.', StringComparison.Ordinal))
            {
                errors.Add(at + ".databases", "must name the database as catalog.database");
            }
        }
    }

    private static void Values(List<string>? values, string field, bool required, bool single, bool wildcards, ValidationErrors errors)
    {
        var count = values?.Count ?? 0;
        if (count == 0)
        {
            if (required)
            {
                errors.Add(field, single ? "needs exactly one value" : "needs at least one value");
            }
            return;
        }
        if (single && count != 1)
        {
            errors.Add(field, "needs exactly one value");
        }
        foreach (var value in values!)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 255)
            {
                errors.Add(field, "values must be 1 to 255 characters");
            }
            else if (!wildcards && value.IndexOfAny(['*', '?']) >= 0)
            {
                errors.Add(field, $"'{value}' has a wildcard; this policy type needs exact names");
            }
        }
    }

    private static void Inclusion(PolicyKind kind, string? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            return;
        }
        var upper = value.Trim().ToUpperInvariant();
        if (upper is not PolicyMapper.Include and not PolicyMapper.Exclude)
        {
            errors.Add(field, "must be INCLUDE or EXCLUDE");
        }
        else if (upper == PolicyMapper.Exclude && kind != PolicyKind.Access)
        {
            errors.Add(field, "EXCLUDE applies to access policies only");
        }
    }
}
