using System.Text;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Sql.Queries;

/// <summary>
/// The SQL editor's <c>{{name}}</c> placeholders: each is replaced by its value as written (the editor's
/// Text, Dropdown and Date variables are all text). Every problem is a 400 before anything runs.
/// </summary>
internal static class QueryVariables
{
    public static string Apply(string query, IReadOnlyDictionary<string, string>? variables)
    {
        var result = new StringBuilder(query.Length);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var position = 0;
        while (true)
        {
            var open = query.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                result.Append(query, position, query.Length - position);
                break;
            }
            var close = query.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw ValidationException.ForField("query", $"the variable placeholder at character {open} is not closed with '}}}}'");
            }
            var name = query[(open + 2)..close].Trim();
            if (!IsName(name))
            {
                throw ValidationException.ForField("query",
                    $"'{query[open..(close + 2)]}' at character {open} is not a variable placeholder: names are letters, digits and '_', starting with a letter or '_'");
            }
            result.Append(query, position, open - position);
            if (variables is not null && variables.TryGetValue(name, out var value))
            {
                result.Append(value);
            }
            else
            {
                missing.Add(name);
            }
            position = close + 2;
        }
        if (missing.Count > 0)
        {
            throw ValidationException.ForField("variables", $"no value for the variable(s) {string.Join(", ", missing)}");
        }
        return result.ToString();
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 128 && (char.IsAsciiLetter(name[0]) || name[0] == '_') &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
