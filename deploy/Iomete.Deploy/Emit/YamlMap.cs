namespace Iomete.Deploy.Emit;

/// <summary>An ordered YAML mapping: keys are written in the order they were added.</summary>
internal sealed class YamlMap : Dictionary<string, object?>
{
    public YamlMap() : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>
/// Template text written as is in place of a mapping's value, e.g. <c>{{- .Values.resources.sql | toYaml | nindent 12 }}</c>:
/// <c>{indent}</c> in it becomes the indentation the value's children need.
/// </summary>
internal sealed record RawTemplate(string Text)
{
    /// <summary>A block value (e.g. a list with <c>if</c>-wrapped entries), its lines written at the key's indentation.</summary>
    public static RawTemplate Block(string lines) =>
        new(string.Concat(lines.TrimEnd('\n').Split('\n').Select(l => YamlText.LinePad + l)));
}
