using System.Globalization;

namespace Iomete.Console.Pages.DataSecurity.Operations;

/// <summary>Builds a list query string from the filters a person typed: blank filters are left out, times become ISO 8601 UTC.</summary>
public static class AuditFilter
{
    public static string Query(int offset, int limit, params (string Name, object? Value)[] filters)
    {
        var parts = new List<string> { $"offset={offset}", $"limit={limit}" };
        foreach (var (name, value) in filters)
        {
            var text = value switch
            {
                null => null,
                DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Local)).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                _ => value.ToString()?.Trim(),
            };
            if (!string.IsNullOrEmpty(text))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(text));
            }
        }
        return "?" + string.Join("&", parts);
    }
}
