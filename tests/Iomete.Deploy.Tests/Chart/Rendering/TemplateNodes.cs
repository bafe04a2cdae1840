namespace Iomete.Deploy.Tests.Chart.Rendering;

/// <summary>A value reference: <c>.</c>, <c>.a.b</c>, <c>$</c> or <c>$.a.b</c> (<c>$</c> is the chart's root inside a range).</summary>
internal sealed record ValuePath(bool FromRoot, IReadOnlyList<string> Fields)
{
    public override string ToString() => (FromRoot ? "$" : "") + (Fields.Count == 0 ? (FromRoot ? "" : ".") : "." + string.Join('.', Fields));
}

/// <summary>One pipe stage: <c>quote</c>, <c>default "x"</c>, <c>toYaml</c>, <c>nindent N</c>, <c>indent N</c>, <c>b64enc</c>.</summary>
internal sealed record PipeFunction(string Name, object? Argument);

/// <summary>The head of a pipeline: a value path, or <c>include "name" PATH</c>.</summary>
internal abstract record PipelineHead;

internal sealed record PathHead(ValuePath Path) : PipelineHead;

internal sealed record IncludeHead(string Template, ValuePath Argument) : PipelineHead;

internal sealed record Pipeline(PipelineHead Head, IReadOnlyList<PipeFunction> Functions);

internal abstract record TemplateNode(int Line);

internal sealed record TextNode(string Text, int Line) : TemplateNode(Line);

internal sealed record OutputNode(Pipeline Pipeline, int Line) : TemplateNode(Line);

internal sealed record IfNode(ValuePath Condition, bool Negated, IReadOnlyList<TemplateNode> Then, IReadOnlyList<TemplateNode> Else, int Line)
    : TemplateNode(Line);

internal sealed record RangeNode(ValuePath List, IReadOnlyList<TemplateNode> Body, int Line) : TemplateNode(Line);

/// <summary>A parsed file: its top-level nodes and the named templates it defines (only <c>_helpers.tpl</c> may).</summary>
internal sealed record ParsedTemplate(string File, IReadOnlyList<TemplateNode> Nodes, IReadOnlyDictionary<string, IReadOnlyList<TemplateNode>> Defines);
