using System.Globalization;
using System.Text.RegularExpressions;

namespace Iomete.Deploy.Tests.Chart.Rendering;

/// <summary>
/// Parses the chart's Go-template subset and refuses everything else, so a template that would need more of Helm
/// than <see cref="TemplateEvaluator"/> implements fails here instead of being rendered wrongly. The subset:
/// value paths (<c>.Values.a.b</c>, <c>.Release.Name|Namespace</c>, <c>.Chart.Version|AppVersion</c>, <c>.</c> and
/// <c>.field</c> inside range, <c>$</c>/<c>$.…</c> for the root inside range), pipes to <c>quote</c>,
/// <c>default "literal"</c>, <c>toYaml</c>, <c>nindent N</c>, <c>indent N</c>, <c>b64enc</c>; <c>if [not] PATH</c>,
/// <c>else</c>, <c>end</c>; <c>range PATH</c>; <c>include "iomete.fullname"|"iomete.labels" PATH</c>; and
/// <c>define</c> of those two names in <c>_helpers.tpl</c> only.
/// </summary>
internal static partial class TemplateParser
{
    public static readonly IReadOnlySet<string> HelperNames = new HashSet<string>(StringComparer.Ordinal) { "iomete.fullname", "iomete.labels" };

    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> RootFields = new Dictionary<string, IReadOnlySet<string>>
    {
        ["Values"] = new HashSet<string>(),
        ["Release"] = new HashSet<string> { "Name", "Namespace" },
        ["Chart"] = new HashSet<string> { "Version", "AppVersion" },
    };

    public static ParsedTemplate Parse(string file, string template, bool allowDefines = false)
    {
        var segments = TemplateLexer.Split(file, template);
        var reader = new Reader(file, segments);
        var defines = new Dictionary<string, IReadOnlyList<TemplateNode>>(StringComparer.Ordinal);
        var nodes = new List<TemplateNode>();
        while (!reader.AtEnd)
        {
            var segment = reader.Peek();
            var words = segment.IsAction ? Words(file, segment) : [];
            if (words is ["define", var name])
            {
                if (!allowDefines)
                    throw new TemplateSyntaxException(file, segment.Line, "define is allowed only in _helpers.tpl");
                var helper = Literal(file, segment, name);
                if (!HelperNames.Contains(helper))
                    throw new TemplateSyntaxException(file, segment.Line, $"only {string.Join(" and ", HelperNames)} may be defined, not '{helper}'");
                reader.Next();
                defines[helper] = ParseBlock(reader, rangeDepth: 0, out var end);
                if (end != "end")
                    throw new TemplateSyntaxException(file, segment.Line, "define without end");
                continue;
            }
            nodes.AddRange(ParseBlock(reader, 0, out var stop));
            if (stop is not null)
                throw new TemplateSyntaxException(file, reader.Last.Line, $"unexpected {stop}");
        }
        if (allowDefines && (nodes.Any(n => n is not TextNode) || nodes.OfType<TextNode>().Any(t => !string.IsNullOrWhiteSpace(t.Text))))
            throw new TemplateSyntaxException(file, 1, "a helpers file holds only defines");
        return new ParsedTemplate(file, nodes, defines);
    }

    // Nodes up to the next else/end (returned in stop) or the end of input; stops before a top-level define.
    private static List<TemplateNode> ParseBlock(Reader reader, int rangeDepth, out string? stop)
    {
        var nodes = new List<TemplateNode>();
        stop = null;
        while (!reader.AtEnd)
        {
            var segment = reader.Peek();
            if (!segment.IsAction)
            {
                nodes.Add(new TextNode(segment.Text, segment.Line));
                reader.Next();
                continue;
            }
            var words = Words(reader.File, segment);
            if (words is ["define", ..])
            {
                if (rangeDepth > 0 || reader.Depth > 0)
                    throw new TemplateSyntaxException(reader.File, segment.Line, "define inside a block");
                return nodes;
            }
            reader.Next();
            switch (words)
            {
                case ["end"] or ["else"]:
                    stop = words[0];
                    return nodes;
                case ["if", .. var condition]:
                    nodes.Add(ParseIf(reader, segment, condition, rangeDepth));
                    break;
                case ["range", var list]:
                    reader.Depth++;
                    var body = ParseBlock(reader, rangeDepth + 1, out var end);
                    reader.Depth--;
                    if (end != "end")
                        throw new TemplateSyntaxException(reader.File, segment.Line, "range without end (range has no else in the subset)");
                    nodes.Add(new RangeNode(Path(reader.File, segment, list, rangeDepth), body, segment.Line));
                    break;
                case ["else", ..] or ["end", ..] or ["range", ..]:
                    throw new TemplateSyntaxException(reader.File, segment.Line, $"'{segment.Text}' is outside the subset");
                default:
                    nodes.Add(new OutputNode(ParsePipeline(reader.File, segment, words, rangeDepth), segment.Line));
                    break;
            }
        }
        return nodes;
    }

    private static IfNode ParseIf(Reader reader, Segment segment, string[] condition, int rangeDepth)
    {
        var (negated, path) = condition switch
        {
            ["not", var p] => (true, p),
            [var p] => (false, p),
            _ => throw new TemplateSyntaxException(reader.File, segment.Line, $"'if {string.Join(' ', condition)}': the subset allows 'if PATH' and 'if not PATH'"),
        };
        reader.Depth++;
        var then = ParseBlock(reader, rangeDepth, out var stop);
        IReadOnlyList<TemplateNode> otherwise = [];
        if (stop == "else")
            otherwise = ParseBlock(reader, rangeDepth, out stop);
        reader.Depth--;
        if (stop != "end")
            throw new TemplateSyntaxException(reader.File, segment.Line, "if without end");
        return new IfNode(Path(reader.File, segment, path, rangeDepth), negated, then, otherwise, segment.Line);
    }

    private static Pipeline ParsePipeline(string file, Segment segment, string[] words, int rangeDepth)
    {
        var stages = Split(words);
        PipelineHead head = stages[0] switch
        {
            ["include", var name, var argument] when HelperNames.Contains(Literal(file, segment, name)) =>
                new IncludeHead(Literal(file, segment, name), Path(file, segment, argument, rangeDepth)),
            [var path] => new PathHead(Path(file, segment, path, rangeDepth)),
            _ => throw new TemplateSyntaxException(file, segment.Line, $"'{segment.Text}' is outside the subset"),
        };
        var functions = stages.Skip(1).Select(stage => stage switch
        {
            ["quote" or "toYaml" or "b64enc"] => new PipeFunction(stage[0], null),
            ["default", var literal] => new PipeFunction("default", Literal(file, segment, literal)),
            ["nindent" or "indent", var n] when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) =>
                new PipeFunction(stage[0], count),
            _ => throw new TemplateSyntaxException(file, segment.Line, $"'| {string.Join(' ', stage)}' is outside the subset"),
        }).ToList();
        return new Pipeline(head, functions);
    }

    private static ValuePath Path(string file, Segment segment, string word, int rangeDepth)
    {
        if (!PathPattern().IsMatch(word))
            throw new TemplateSyntaxException(file, segment.Line, $"'{word}' is not a value path of the subset (variables, function calls and literals are not)");
        var fromRoot = word.StartsWith('$');
        var fields = word.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries);
        var path = new ValuePath(fromRoot, fields);
        // "." is the chart's root outside range (and in helpers, which get the root); "$" always is.
        if (fields.Length > 0 && (fromRoot || rangeDepth == 0))
        {
            if (!RootFields.TryGetValue(fields[0], out var allowed))
                throw new TemplateSyntaxException(file, segment.Line, $"'{word}': only .Values, .Release and .Chart are in the subset");
            if (fields[0] != "Values" && (fields.Length != 2 || !allowed.Contains(fields[1])))
                throw new TemplateSyntaxException(file, segment.Line, $"'{word}': the subset has .{fields[0]}.{string.Join("/", allowed)}");
        }
        return path;
    }

    private static string Literal(string file, Segment segment, string word) =>
        word.Length >= 2 && word[0] == '"' && word[^1] == '"' && !word[1..^1].Contains('"')
            ? word[1..^1]
            : throw new TemplateSyntaxException(file, segment.Line, $"'{word}' is not a string literal");

    private static List<string[]> Split(string[] words)
    {
        var stages = new List<string[]> { Array.Empty<string>() };
        foreach (var word in words)
        {
            if (word == "|")
                stages.Add([]);
            else
                stages[^1] = [.. stages[^1], word];
        }
        return stages;
    }

    // Words of an action: whitespace-separated, string literals kept whole, '|' on its own.
    private static string[] Words(string file, Segment segment)
    {
        var matches = WordPattern().Matches(segment.Text);
        var words = matches.Select(m => m.Value).ToArray();
        if (WhitespacePattern().Replace(string.Concat(words), "") != WhitespacePattern().Replace(segment.Text, ""))
            throw new TemplateSyntaxException(file, segment.Line, $"cannot read '{segment.Text}'");
        if (words.Length == 0)
            throw new TemplateSyntaxException(file, segment.Line, "empty action");
        return words;
    }

    [GeneratedRegex(@"^(\$|\.|\$?(\.[A-Za-z_][A-Za-z0-9_]*)+)$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"""[^""]*""|\||[^\s|""]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    private sealed class Reader(string file, IReadOnlyList<Segment> segments)
    {
        private int _index;

        public string File { get; } = file;
        public int Depth { get; set; }
        public bool AtEnd => _index >= segments.Count;
        public Segment Last => segments[Math.Max(0, _index - 1)];
        public Segment Peek() => segments[_index];
        public void Next() => _index++;
    }
}
