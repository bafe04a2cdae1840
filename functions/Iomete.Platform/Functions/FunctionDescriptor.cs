using System.Reflection;

namespace Iomete.Platform.Functions;

/// <summary>One HTTP function: its name, methods and route, read from its attributes.</summary>
public sealed record FunctionDescriptor(
    string Name,
    IReadOnlyList<string> Methods,
    string Route,
    bool AllowsAnonymous,
    MethodInfo Method)
{
    public Type FunctionClass => Method.DeclaringType!;
}
