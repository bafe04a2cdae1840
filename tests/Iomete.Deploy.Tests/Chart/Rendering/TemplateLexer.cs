namespace Iomete.Deploy.Tests.Chart.Rendering;

/// <summary>A piece of a template: literal text, or the inside of one <c>{{ … }}</c> action.</summary>
internal sealed record Segment(bool IsAction, string Text, int Line);

/// <summary>
/// Splits a template into text and actions and applies Go's whitespace trimming: <c>{{- </c> removes the
/// whitespace (newlines included) before the action, <c> -}}</c> the whitespace after it.
/// </summary>
internal static class TemplateLexer
{
    public static IReadOnlyList<Segment> Split(string file, string template)
    {
        var segments = new List<Segment>();
        var position = 0;
        var trimNextText = false;
        while (position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            var text = template[position..(open < 0 ? template.Length : open)];
            if (trimNextText)
                text = text.TrimStart();
            if (open < 0)
            {
                Add(segments, false, text, LineOf(template, position));
                break;
            }
            var line = LineOf(template, open);
            var close = CloseOf(file, template, open, line);
            var inside = template[(open + 2)..close];
            if (inside.StartsWith("- ", StringComparison.Ordinal) || inside.StartsWith("-\n", StringComparison.Ordinal))
            {
                text = text.TrimEnd();
                inside = inside[1..];
            }
            trimNextText = inside.EndsWith(" -", StringComparison.Ordinal) || inside.EndsWith("\n-", StringComparison.Ordinal);
            if (trimNextText)
                inside = inside[..^1];
            Add(segments, false, text, LineOf(template, position));
            if (inside.TrimStart().StartsWith("/*", StringComparison.Ordinal))
                throw new TemplateSyntaxException(file, line, "comments {{/* */}} are outside the subset; use a YAML # comment");
            segments.Add(new Segment(true, inside.Trim(), line));
            position = close + 2;
        }
        return segments;
    }

    private static void Add(List<Segment> segments, bool isAction, string text, int line)
    {
        if (text.Length > 0)
            segments.Add(new Segment(isAction, text, line));
    }

    // The first "}}" outside a string literal.
    private static int CloseOf(string file, string template, int open, int line)
    {
        var inString = false;
        for (var i = open + 2; i < template.Length - 1; i++)
        {
            if (template[i] == '"' && template[i - 1] != '\\')
                inString = !inString;
            else if (!inString && template[i] == '}' && template[i + 1] == '}')
                return i;
            else if (template[i] == '\n' && inString)
                break;
        }
        throw new TemplateSyntaxException(file, line, "unclosed action '{{'");
    }

    private static int LineOf(string template, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < template.Length; i++)
            if (template[i] == '\n')
                line++;
        return line;
    }
}
