using System.Globalization;
using System.Text.RegularExpressions;
using Iomete.DataSecurity.Decisions;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>The rules a policy body must meet before it is stored (IOMETE's and Ranger's), with the API's field names.</summary>
public static partial class PolicyValidator
{
    public const string TimeFormat = "yyyy/MM/dd HH:mm:ss";

    public static readonly IReadOnlySet<string> AccessTypes =
        DataAccessTypes.Grantable.Select(a => a.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> MaskTypes =
        ["MASK", "MASK_SHOW_LAST_4", "MASK_SHOW_FIRST_4", "MASK_HASH", "MASK_NULL", "MASK_NONE", "MASK_DATE_SHOW_YEAR", "CUSTOM"];

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    public static partial Regex NamePattern();

    /// <summary>Adds every problem of <paramref name="body"/> to <paramref name="errors"/>, field names prefixed by <paramref name="prefix"/>.</summary>
    public static void Validate(PolicyKind kind, DataPolicyBody body, ValidationErrors errors, string prefix = "")
    {
        if (string.IsNullOrWhiteSpace(body.Name) || !NamePattern().IsMatch(body.Name.Trim()))
        {
            errors.Add(prefix + "name", "is required: 1 to 255 letters, digits, '-' or '_'");
        }
        if (body.Description is { Length: > 4000 })
        {
            errors.Add(prefix + "description", "must be at most 4000 characters");
        }
        if (body.Priority is not null and not PolicyMapper.Normal and not PolicyMapper.Override)
        {
            errors.Add(prefix + "priority", "must be NORMAL or OVERRIDE");
        }
        ValidatePeriods(body, errors, prefix);
        ValidateResources(kind, body.Resources, errors, prefix);
        if (kind.IsAccess())
        {
            AccessItems(body.AllowPolicyItems, "allowPolicyItems", errors, prefix);
            AccessItems(body.AllowExceptions, "allowExceptions", errors, prefix);
            AccessItems(body.DenyPolicyItems, "denyPolicyItems", errors, prefix);
            AccessItems(body.DenyExceptions, "denyExceptions", errors, prefix);
            NotAllowed(body.DataMaskPolicyItems, "dataMaskPolicyItems", kind, errors, prefix);
            NotAllowed(body.RowFilterPolicyItems, "rowFilterPolicyItems", kind, errors, prefix);
            return;
        }
        foreach (var (list, field) in new[]
                 {
                     (body.AllowPolicyItems, "allowPolicyItems"), (body.AllowExceptions, "allowExceptions"),
                     (body.DenyPolicyItems, "denyPolicyItems"), (body.DenyExceptions, "denyExceptions"),
                 })
        {
            NotAllowed(list, field, kind, errors, prefix);
        }
        if (body.IsDenyAllElse == true)
        {
            errors.Add(prefix + "isDenyAllElse", "applies to access policies only");
        }
        if (kind.IsMask())
        {
            NotAllowed(body.RowFilterPolicyItems, "rowFilterPolicyItems", kind, errors, prefix);
            MaskItems(kind, body.DataMaskPolicyItems, errors, prefix);
        }
        else
        {
            NotAllowed(body.DataMaskPolicyItems, "dataMaskPolicyItems", kind, errors, prefix);
            FilterItems(body.RowFilterPolicyItems, errors, prefix);
        }
    }

    private static void NotAllowed<T>(List<T>? list, string field, PolicyKind kind, ValidationErrors errors, string prefix)
    {
        if (list is { Count: > 0 })
        {
            errors.Add(prefix + field, $"is not part of a {kind.Name()} policy");
        }
    }

    private static void AccessItems(List<PolicyItemBody>? items, string field, ValidationErrors errors, string prefix)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var item = items![i];
            var at = $"{prefix}{field}[{i}]";
            Principals(item.Users, item.Groups, item.Roles, at, errors);
            if (item.Accesses is not { Count: > 0 })
            {
                errors.Add(at + ".accesses", "needs at least one access type");
                continue;
            }
            foreach (var access in item.Accesses.Where(a => !AccessTypes.Contains(a?.Trim().ToUpperInvariant() ?? "")))
            {
                errors.Add(at + ".accesses", $"'{access}' is not an access type; use one of {string.Join(", ", DataAccessTypes.Grantable.Select(a => a.ToUpperInvariant()))}");
            }
        }
    }

    private static void MaskItems(PolicyKind kind, List<DataMaskItemBody>? items, ValidationErrors errors, string prefix)
    {
        if (items is not { Count: > 0 })
        {
            errors.Add(prefix + "dataMaskPolicyItems", "needs at least one masking condition");
            return;
        }
        var allowed = kind == PolicyKind.TagMask ? MaskTypes.Where(t => t != "CUSTOM").ToList() : MaskTypes;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"{prefix}dataMaskPolicyItems[{i}]";
            Principals(item.Users, item.Groups, item.Roles, at, errors);
            var type = item.DataMaskType?.Trim().ToUpperInvariant();
            if (type is null || !allowed.Contains(type))
            {
                errors.Add(at + ".dataMaskType", $"must be one of {string.Join(", ", allowed)}");
            }
            else if (type == "CUSTOM" && (item.DataMaskCustomExpr is null || !item.DataMaskCustomExpr.Contains("{col}", StringComparison.Ordinal)))
            {
                errors.Add(at + ".dataMaskCustomExpr", "is required for CUSTOM and must contain {col}");
            }
            Expression(item.DataMaskCustomExpr, at + ".dataMaskCustomExpr", errors);
            Expression(item.ConditionExpr, at + ".conditionExpr", errors);
        }
    }

    private static void FilterItems(List<RowFilterItemBody>? items, ValidationErrors errors, string prefix)
    {
        if (items is not { Count: > 0 })
        {
            errors.Add(prefix + "rowFilterPolicyItems", "needs at least one row-filter condition");
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{prefix}rowFilterPolicyItems[{i}]";
            Principals(items[i].Users, items[i].Groups, items[i].Roles, at, errors);
            if (string.IsNullOrWhiteSpace(items[i].FilterExpr))
            {
                errors.Add(at + ".filterExpr", "is required");
            }
            Expression(items[i].FilterExpr, at + ".filterExpr", errors);
        }
    }

    private static void Principals(List<string>? users, List<string>? groups, List<string>? roles, string at, ValidationErrors errors)
    {
        var all = (users ?? []).Concat(groups ?? []).Concat(roles ?? []).ToList();
        if (all.Count(n => !string.IsNullOrWhiteSpace(n)) == 0)
        {
            errors.Add(at, "must name at least one user, group or role");
        }
        if (all.Any(n => n is { Length: > 255 }))
        {
            errors.Add(at, "principal names must be at most 255 characters");
        }
    }

    /// <summary>Filter and mask expressions are spliced into queries: one expression, no statement separator, no comments.</summary>
    private static void Expression(string? expression, string field, ValidationErrors errors)
    {
        if (expression is null)
        {
            return;
        }
        if (expression.Length > 4000)
        {
            errors.Add(field, "must be at most 4000 characters");
        }
        if (expression.Contains(';') || expression.Contains("--", StringComparison.Ordinal) ||
            expression.Contains("/*", StringComparison.Ordinal) || expression.Contains("*/", StringComparison.Ordinal))
        {
            errors.Add(field, "must be a single SQL expression without ';' or comments");
        }
    }

    private static void ValidatePeriods(DataPolicyBody body, ValidationErrors errors, string prefix)
    {
        var periods = PolicyMapper.Periods(body);
        for (var i = 0; i < periods.Count; i++)
        {
            var at = body.ValidityPeriods is { Count: > 0 } ? $"{prefix}validityPeriods[{i}]" : $"{prefix}validityPeriod";
            var p = periods[i];
            var start = Time(p.StartTime, at + ".startTime", errors);
            var end = Time(p.EndTime, at + ".endTime", errors);
            if (string.IsNullOrWhiteSpace(p.StartTime) && string.IsNullOrWhiteSpace(p.EndTime))
            {
                errors.Add(at, "needs a startTime or an endTime");
            }
            if (!string.IsNullOrWhiteSpace(p.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(p.TimeZone.Trim(), out _))
            {
                errors.Add(at + ".timeZone", $"'{p.TimeZone}' is not a known time zone");
            }
            if (start is not null && end is not null && end <= start)
            {
                errors.Add(at + ".endTime", "must be after startTime");
            }
        }
    }

    private static DateTime? Time(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTime.TryParseExact(text.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }
        errors.Add(field, "must be formatted YYYY/MM/DD HH:mm:ss");
        return null;
    }
}
