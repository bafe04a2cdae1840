using System.Text;

namespace Iomete.Deploy.Tests.Chart.Rendering;

/// <summary>Renders parsed templates against a root object (<c>Values</c>, <c>Release</c>, <c>Chart</c>) like Go's text/template with Helm's functions.</summary>
internal sealed class TemplateEvaluator(IReadOnlyDictionary<string, IReadOnlyList<TemplateNode>> helpers)
{
    public string Render(ParsedTemplate template, Dictionary<string, object?> root)
    {
        var output = new StringBuilder();
        Render(template.File, template.Nodes, root, root, output);
        return output.ToString();
    }

    private void Render(string file, IReadOnlyList<TemplateNode> nodes, object? dot, Dictionary<string, object?> root, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case OutputNode o:
                    output.Append(GoText.Print(Evaluate(file, o.Line, o.Pipeline, dot, root)));
                    break;
                case IfNode i:
                    var condition = GoText.IsTrue(Resolve(file, i.Line, i.Condition, dot, root)) != i.Negated;
                    Render(file, condition ? i.Then : i.Else, dot, root, output);
                    break;
                case RangeNode r:
                    switch (Resolve(file, r.Line, r.List, dot, root))
                    {
                        case null:
                            break;
                        case List<object?> list:
                            foreach (var item in list)
                                Render(file, r.Body, item, root, output);
                            break;
                        case var other:
                            throw new TemplateSyntaxException(file, r.Line, $"range over {r.List} needs a list, not {other.GetType().Name} (ranging over maps is outside the subset)");
                    }
                    break;
            }
        }
    }

    private object? Evaluate(string file, int line, Pipeline pipeline, object? dot, Dictionary<string, object?> root)
    {
        var value = pipeline.Head switch
        {
            PathHead p => Resolve(file, line, p.Path, dot, root),
            IncludeHead include => Include(file, line, include, dot, root),
            _ => throw new InvalidOperationException(),
        };
        foreach (var function in pipeline.Functions)
        {
            value = function.Name switch
            {
                "quote" => GoText.Quote(value),
                "default" => GoText.IsTrue(value) ? value : function.Argument,
                "toYaml" => HelmYaml.Serialize(value),
                "nindent" => "\n" + GoText.Indent(GoText.Print(value), (int)function.Argument!),
                "indent" => GoText.Indent(GoText.Print(value), (int)function.Argument!),
                "b64enc" => GoText.Base64(value),
                _ => throw new TemplateSyntaxException(file, line, $"unknown function {function.Name}"),
            };
        }
        return value;
    }

    private string Include(string file, int line, IncludeHead include, object? dot, Dictionary<string, object?> root)
    {
        if (!helpers.TryGetValue(include.Template, out var body))
            throw new TemplateSyntaxException(file, line, $"no template named {include.Template} in _helpers.tpl");
        var argument = Resolve(file, line, include.Argument, dot, root);
        if (argument is not Dictionary<string, object?> helperRoot || !helperRoot.ContainsKey("Release"))
            throw new TemplateSyntaxException(file, line, $"include \"{include.Template}\" needs the chart's root ('.' outside range, '$' inside), not {include.Argument}");
        var output = new StringBuilder();
        Render("_helpers.tpl", body, helperRoot, helperRoot, output);
        return output.ToString();
    }

    // Go: a missing map key is nil (prints nothing); a field of nil or of a non-map is an error.
    private static object? Resolve(string file, int line, ValuePath path, object? dot, Dictionary<string, object?> root)
    {
        var current = path.FromRoot ? root : dot;
        foreach (var field in path.Fields)
        {
            current = current switch
            {
                Dictionary<string, object?> map => map.GetValueOrDefault(field),
                null => throw new TemplateSyntaxException(file, line, $"{path}: nil pointer evaluating .{field}"),
                _ => throw new TemplateSyntaxException(file, line, $"{path}: can't evaluate field {field} in a {current.GetType().Name}"),
            };
        }
        return current;
    }
}
