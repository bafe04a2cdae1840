namespace Iomete.Deploy.Tests.Chart.Rendering;

public sealed class TemplateEvaluatorTests
{
    private const string Helpers = """
        {{- define "iomete.fullname" -}}
        {{ .Release.Name }}
        {{- end -}}

        {{- define "iomete.labels" -}}
        app: {{ .Release.Name }}
        version: {{ .Chart.AppVersion | quote }}
        {{- end -}}
        """;

    private static string Render(string template, string values = "{}")
    {
        var helpers = TemplateParser.Parse("_helpers.tpl", Helpers, allowDefines: true).Defines;
        var root = new Dictionary<string, object?>
        {
            ["Values"] = ChartValues.Load(values),
            ["Release"] = new Dictionary<string, object?> { ["Name"] = "rel", ["Namespace"] = "ns" },
            ["Chart"] = new Dictionary<string, object?> { ["Version"] = "1.2.3", ["AppVersion"] = "4.5" },
        };
        return new TemplateEvaluator(helpers).Render(TemplateParser.Parse("t.yaml", template), root);
    }

    [Fact]
    public void Path_NestedValueReleaseAndChart_ArePrinted() =>
        Assert.Equal("b=x rel/ns 1.2.3 4.5", Render("b={{ .Values.a.b }} {{ .Release.Name }}/{{ .Release.Namespace }} {{ .Chart.Version }} {{ .Chart.AppVersion }}", "a: {b: x}"));

    [Fact]
    public void Path_MissingKey_PrintsNothing_ButAFieldOfAMissingMapFails()
    {
        Assert.Equal("[]", Render("[{{ .Values.missing }}]"));
        var error = Assert.Throws<TemplateSyntaxException>(() => Render("{{ .Values.missing.b }}"));
        Assert.Contains("nil pointer evaluating .b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_PrintAsHelmPrintsFloat64_AndExponentFormIsRefused()
    {
        Assert.Equal("5432 0.5", Render("{{ .Values.a }} {{ .Values.b }}", "{a: 5432, b: 0.5}"));
        Assert.Throws<InvalidOperationException>(() => Render("{{ .Values.a }}", "a: 1000000"));
    }

    [Theory]
    [InlineData("a: x", "\"x\"")]
    [InlineData("a: true", "\"true\"")]
    [InlineData("a: 'say \"hi\"\\n'", "\"say \\\"hi\\\"\\\\n\"")]
    [InlineData("{}", "")]
    public void Quote_IsGoPercentQ_AndNilGivesNothing(string values, string expected) =>
        Assert.Equal(expected, Render("{{ .Values.a | quote }}", values));

    [Theory]
    [InlineData("a: ''", "x")]
    [InlineData("a: false", "x")]
    [InlineData("a: 0", "x")]
    [InlineData("a: []", "x")]
    [InlineData("{}", "x")]
    [InlineData("a: y", "y")]
    public void Default_ReplacesEmptyValues(string values, string expected) =>
        Assert.Equal(expected, Render("{{ .Values.a | default \"x\" }}", values));

    [Fact]
    public void ToYaml_SortsKeys_QuotesAmbiguousStrings_AndNindentIndentsEveryLine()
    {
        var rendered = Render("r:{{ .Values.r | toYaml | nindent 2 }}", "r: {requests: {memory: 64Mi, cpu: '1'}, limits: {}, list: [a, {k: v, j: 'true'}]}");
        Assert.Equal("r:\n  limits: {}\n  list:\n  - a\n  - j: 'true'\n    k: v\n  requests:\n    cpu: '1'\n    memory: 64Mi", rendered);
    }

    [Fact]
    public void Indent_PadsTheFirstLineToo() =>
        Assert.Equal("  a: 1\n  b: 2", Render("{{ .Values.m | toYaml | indent 2 }}", "m: {b: 2, a: 1}"));

    [Fact]
    public void B64enc_EncodesUtf8() =>
        Assert.Equal("c8OpY3JldA==", Render("{{ .Values.s | b64enc }}", "s: sécret"));

    [Theory]
    [InlineData("on: true", "yes")]
    [InlineData("on: false", "no")]
    [InlineData("on: ''", "no")]
    [InlineData("{}", "no")]
    public void If_Else_FollowsGoTruth(string values, string expected) =>
        Assert.Equal(expected, Render("{{- if .Values.on }}yes{{- else }}no{{- end }}", values));

    [Fact]
    public void IfNot_Negates() =>
        Assert.Equal("off", Render("{{- if not .Values.on }}off{{- end }}", "on: false"));

    [Fact]
    public void Range_BindsDotToEachItem_AndDollarToTheRoot() =>
        Assert.Equal("\n- a@rel\n- b@rel", Render("{{- range .Values.list }}\n- {{ . }}@{{ $.Release.Name }}\n{{- end }}", "list: [a, b]"));

    [Fact]
    public void Range_OverMaps_ReadsFields() =>
        Assert.Equal("x=1;y=2;", Render("{{- range .Values.list }}{{ .n }}={{ .v }};{{- end }}", "list: [{n: x, v: 1}, {n: y, v: 2}]"));

    [Fact]
    public void Range_ThatUsesDotAsTheRoot_Fails()
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => Render("{{- range .Values.list }}{{ include \"iomete.fullname\" . }}{{- end }}", "list: [a]"));
        Assert.Contains("needs the chart's root", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_RendersTheHelper_AndPipes()
    {
        Assert.Equal("rel-x", Render("{{ include \"iomete.fullname\" . }}-x"));
        Assert.Equal("labels:\n    app: rel\n    version: \"4.5\"", Render("labels:{{- include \"iomete.labels\" . | nindent 4 }}"));
    }

    [Fact]
    public void WhitespaceTrim_RemovesNewlinesOnTheMarkedSideOnly() =>
        Assert.Equal("a:\nb\nc", Render("a:\n  {{- if .Values.on }}\nb\n{{- end }}\nc", "on: true"));
}
