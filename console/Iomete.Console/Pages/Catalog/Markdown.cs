using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Iomete.Console.Pages.Catalog;

/// <summary>
/// A small Markdown renderer for table documentation: headings, paragraphs, lists, quotes, fenced code, emphasis,
/// inline code and http(s) links. Every piece of text is HTML-encoded first, so documentation can never inject markup.
/// </summary>
public static partial class Markdown
{
    public static string ToHtml(string? markdown)
    {
        var html = new StringBuilder();
        var paragraph = new List<string>();
        string? list = null;
        var inCode = false;
        foreach (var raw in (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Flush(html, paragraph, ref list);
                html.Append(inCode ? "</code></pre>" : "<pre><code>");
                inCode = !inCode;
                continue;
            }
            if (inCode)
            {
                html.Append(WebUtility.HtmlEncode(raw)).Append('\n');
                continue;
            }
            if (line.Length == 0)
            {
                Flush(html, paragraph, ref list);
                continue;
            }
            if (Heading().Match(line) is { Success: true } h)
            {
                Flush(html, paragraph, ref list);
                var level = Math.Min(h.Groups[1].Value.Length + 1, 6);
                html.Append($"<h{level}>").Append(Inline(h.Groups[2].Value)).Append($"</h{level}>");
                continue;
            }
            if (Bullet().Match(line) is { Success: true } b)
            {
                Open(html, paragraph, ref list, "ul");
                html.Append("<li>").Append(Inline(b.Groups[1].Value)).Append("</li>");
                continue;
            }
            if (Numbered().Match(line) is { Success: true } n)
            {
                Open(html, paragraph, ref list, "ol");
                html.Append("<li>").Append(Inline(n.Groups[1].Value)).Append("</li>");
                continue;
            }
            if (line.StartsWith('>'))
            {
                Flush(html, paragraph, ref list);
                html.Append("<blockquote>").Append(Inline(line.TrimStart('>', ' '))).Append("</blockquote>");
                continue;
            }
            if (list is not null)
            {
                html.Append("</").Append(list).Append('>');
                list = null;
            }
            paragraph.Add(line.Trim());
        }
        if (inCode)
        {
            html.Append("</code></pre>");
        }
        Flush(html, paragraph, ref list);
        return html.ToString();
    }

    private static void Open(StringBuilder html, List<string> paragraph, ref string? list, string kind)
    {
        if (list != kind)
        {
            Flush(html, paragraph, ref list);
            html.Append('<').Append(kind).Append('>');
            list = kind;
        }
    }

    private static void Flush(StringBuilder html, List<string> paragraph, ref string? list)
    {
        if (paragraph.Count > 0)
        {
            html.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>");
            paragraph.Clear();
        }
        if (list is not null)
        {
            html.Append("</").Append(list).Append('>');
            list = null;
        }
    }

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        encoded = Code().Replace(encoded, "<code>$1</code>");
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        encoded = Italic().Replace(encoded, "<em>$1$2</em>");
        return Link().Replace(encoded, "<a href=\"$2\" rel=\"noopener noreferrer\" target=\"_blank\">$1</a>");
    }

    [GeneratedRegex(@"^(#{1,5})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[-*+]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*\d+[.)]\s+(.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![*\w])\*([^*]+)\*(?![*\w])|(?<!\w)_([^_]+)_(?!\w)")]
    private static partial Regex Italic();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^)\s""]+)\)")]
    private static partial Regex Link();
}
