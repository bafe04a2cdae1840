namespace Iomete.Deploy.Tests.Chart.Rendering;

/// <summary>A template uses a construct outside the chart's Go-template subset, or misuses one inside it.</summary>
public sealed class TemplateSyntaxException(string file, int line, string message)
    : Exception($"{file}:{line}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
}
