using Dapper;

namespace Iomete.Functions.Identity.Access;

/// <summary>
/// Builds <c>IN (@p0, @p1)</c> lists by hand: Dapper passes lists to Npgsql as one array
/// parameter (which needs <c>= ANY</c>), while SQLite needs them expanded. This works on both.
/// </summary>
internal static class SqlList
{
    public static string In(string column, IReadOnlyCollection<string> values, DynamicParameters args, string prefix)
    {
        if (values.Count == 0)
        {
            return "1 = 0";
        }
        var names = new List<string>(values.Count);
        var i = 0;
        foreach (var value in values)
        {
            var name = $"{prefix}{i++}";
            args.Add(name, value);
            names.Add("@" + name);
        }
        return $"{column} IN ({string.Join(", ", names)})";
    }

    /// <summary>
    /// The predicate "this row's actor is the caller or one of the caller's groups", over the
    /// columns <c>{alias}.{typeColumn}</c> and <c>{alias}.{idColumn}</c>.
    /// </summary>
    public static string IsCaller(string alias, string typeColumn, string idColumn, string userId,
        IReadOnlyCollection<string> groupIds, DynamicParameters args, string prefix)
    {
        args.Add(prefix + "User", userId);
        var groups = In($"{alias}.{idColumn}", groupIds, args, prefix + "Group");
        return $"(({alias}.{typeColumn} = 'USER' AND {alias}.{idColumn} = @{prefix}User) OR ({alias}.{typeColumn} = 'GROUP' AND {groups}))";
    }
}
