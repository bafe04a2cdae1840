using System.Globalization;
using System.Text;

namespace Iomete.Deploy.Tests.Chart.Rendering;

/// <summary>How Go templates and Sprig turn values into text, for the kinds of values a chart holds.</summary>
internal static class GoText
{
    /// <summary>Go's truth: false, 0, nil, "" and empty maps and lists are false.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0,
        string s => s.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary><c>{{ x }}</c>: Go's %v. Maps and lists print as Go structures, which a chart never wants, so they are refused.</summary>
    public static string Print(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => Number(d),
        _ => throw new InvalidOperationException($"a {value.GetType().Name} prints as a Go structure; pipe it to toYaml"),
    };

    // Go prints float64 with %g and shortest digits: exponent form from 1e+06 on; a chart must quote such numbers.
    private static string Number(double d)
    {
        if (d == Math.Floor(d) && Math.Abs(d) < 1e6)
            return d.ToString("0", CultureInfo.InvariantCulture);
        if (d != Math.Floor(d) && Math.Abs(d) >= 1e-4 && Math.Abs(d) < 1e6)
            return d.ToString("R", CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"{d} would print in exponent form (Helm values are float64); quote it in values.yaml");
    }

    /// <summary>Sprig's <c>quote</c>: Go's %q of the printed value; nil gives nothing.</summary>
    public static string Quote(object? value)
    {
        if (value is null)
            return "";
        var builder = new StringBuilder("\"");
        foreach (var c in Print(value))
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    /// <summary>Sprig's <c>indent</c>: every line, empty ones too, gets the spaces.</summary>
    public static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        return pad + text.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    public static string Base64(object? value) => System.Convert.ToBase64String(Encoding.UTF8.GetBytes(Print(value)));
}
