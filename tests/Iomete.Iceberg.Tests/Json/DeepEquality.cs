using System.Collections;
using System.Reflection;

namespace Iomete.Iceberg.Tests.Json;

/// <summary>
/// Structural equality for the library's records, whose generated equality compares lists and maps by reference:
/// lists element by element, maps by key, records property by property.
/// </summary>
internal static class DeepEquality
{
    public static void AssertEqual(object? expected, object? actual) =>
        Assert.True(Equal(expected, actual, "$", out var where), $"differs at {where}");

    private static bool Equal(object? a, object? b, string path, out string where)
    {
        where = path;
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        if (a.Equals(b))
        {
            return true;
        }
        if (a is IDictionary da && b is IDictionary db)
        {
            if (da.Count != db.Count)
            {
                return false;
            }
            foreach (DictionaryEntry entry in da)
            {
                if (!db.Contains(entry.Key) || !Equal(entry.Value, db[entry.Key], $"{path}[{entry.Key}]", out where))
                {
                    return false;
                }
            }
            return true;
        }
        if (a is IEnumerable ea && b is IEnumerable eb && a is not string)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            if (la.Count != lb.Count)
            {
                return false;
            }
            for (var i = 0; i < la.Count; i++)
            {
                if (!Equal(la[i], lb[i], $"{path}[{i}]", out where))
                {
                    return false;
                }
            }
            return true;
        }
        if (a.GetType() != b.GetType())
        {
            return false;
        }
        var isRecord = a.GetType().GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is not null;
        if (!isRecord)
        {
            return false;
        }
        foreach (var property in a.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length == 0
                && !Equal(property.GetValue(a), property.GetValue(b), $"{path}.{property.Name}", out where))
            {
                return false;
            }
        }
        return true;
    }
}
