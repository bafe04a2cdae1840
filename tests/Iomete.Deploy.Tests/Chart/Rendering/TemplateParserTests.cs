namespace Iomete.Deploy.Tests.Chart.Rendering;

public sealed class TemplateParserTests
{
    [Theory]
    [InlineData("{{ .Values.a.b }}")]
    [InlineData("{{ .Release.Name }}-{{ .Release.Namespace }}")]
    [InlineData("{{ .Chart.Version }} {{ .Chart.AppVersion }}")]
    [InlineData("{{ .Values.a | quote }}")]
    [InlineData("{{ .Values.a | default \"x\" | quote }}")]
    [InlineData("{{- .Values.a | toYaml | nindent 4 }}")]
    [InlineData("{{ .Values.a | toYaml | indent 2 }}")]
    [InlineData("{{ .Values.a | b64enc }}")]
    [InlineData("{{- if .Values.a }}x{{- else }}y{{- end }}")]
    [InlineData("{{- if not .Values.a }}x{{- end }}")]
    [InlineData("{{- range .Values.list }}{{ . }}{{ .field }}{{ $.Release.Name }}{{- end }}")]
    [InlineData("{{ include \"iomete.labels\" . | nindent 4 }}")]
    [InlineData("{{- range .Values.list }}{{ include \"iomete.fullname\" $ }}{{- end }}")]
    public void Parse_ConstructOfTheSubset_IsAccepted(string template) =>
        TemplateParser.Parse("t.yaml", template);

    [Theory]
    [InlineData("{{ printf \"%s\" .Values.a }}", "outside the subset")]
    [InlineData("{{ .Values.a | upper }}", "| upper")]
    [InlineData("{{ .Values.a | default .Values.b }}", "not a string literal")]
    [InlineData("{{- with .Values.a }}x{{- end }}", "outside the subset")]
    [InlineData("{{- if eq .Values.a \"x\" }}x{{- end }}", "'if PATH' and 'if not PATH'")]
    [InlineData("{{- if and .Values.a .Values.b }}x{{- end }}", "'if PATH' and 'if not PATH'")]
    [InlineData("{{- range $i, $ns := .Values.list }}x{{- end }}", "outside the subset")]
    [InlineData("{{ $x := .Values.a }}", "outside the subset")]
    [InlineData("{{ .Capabilities.KubeVersion }}", "only .Values, .Release and .Chart")]
    [InlineData("{{ .Release.Service }}", ".Release.Name/Namespace")]
    [InlineData("{{ include \"other\" . }}", "outside the subset")]
    [InlineData("{{ tpl .Values.a . }}", "outside the subset")]
    [InlineData("{{/* note */}}", "comments")]
    [InlineData("{{- if .Values.a }}x", "if without end")]
    [InlineData("x{{- end }}", "unexpected end")]
    [InlineData("{{- define \"iomete.fullname\" }}x{{- end }}", "only in _helpers.tpl")]
    [InlineData("{{ .Values.a ", "unclosed")]
    public void Parse_ConstructOutsideTheSubset_FailsNamingIt(string template, string expected)
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => TemplateParser.Parse("t.yaml", template));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("t.yaml:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Helpers_DefinesOnlyTheTwoNamedTemplates()
    {
        var helpers = TemplateParser.Parse("_helpers.tpl", "{{- define \"iomete.fullname\" -}}\n{{ .Release.Name }}\n{{- end -}}\n", allowDefines: true);
        Assert.Equal(["iomete.fullname"], helpers.Defines.Keys);

        var other = Assert.Throws<TemplateSyntaxException>(() =>
            TemplateParser.Parse("_helpers.tpl", "{{- define \"iomete.name\" -}}x{{- end -}}", allowDefines: true));
        Assert.Contains("only iomete.fullname and iomete.labels", other.Message, StringComparison.Ordinal);
    }
}
