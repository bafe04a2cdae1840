namespace Iomete.Functions.App.Tests.Images;

/// <summary>One instruction of a Dockerfile: the keyword (upper case) and its arguments, continuation lines joined.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Line);

/// <summary>A build stage: its <c>FROM</c> and the instructions after it.</summary>
internal sealed record DockerStage(string Image, string? Name, IReadOnlyList<DockerInstruction> Instructions);

/// <summary>
/// A Dockerfile read the way the builder reads it, for what the image tests check: comments and parser directives
/// dropped, backslash continuations joined, instructions grouped into stages.
/// </summary>
internal sealed class Dockerfile(string path, IReadOnlyList<DockerStage> stages)
{
    public string Path { get; } = path;

    public IReadOnlyList<DockerStage> Stages { get; } = stages;

    public DockerStage Final => Stages[^1];

    public IEnumerable<DockerInstruction> All => Stages.SelectMany(s => s.Instructions);

    public static Dockerfile Load(string path)
    {
        var stages = new List<(string Image, string? Name, List<DockerInstruction> Instructions)>();
        foreach (var instruction in Instructions(File.ReadAllLines(path)))
        {
            if (instruction.Keyword == "FROM")
            {
                var parts = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToArray();
                var name = parts.Length == 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : null;
                stages.Add((parts[0], name, []));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Instructions.Add(instruction);
            }
            else if (instruction.Keyword != "ARG")
            {
                throw new InvalidDataException($"{path}:{instruction.Line}: {instruction.Keyword} before the first FROM");
            }
        }
        return new Dockerfile(path, stages.Select(s => new DockerStage(s.Image, s.Name, s.Instructions)).ToList());
    }

    private static IEnumerable<DockerInstruction> Instructions(string[] lines)
    {
        var text = new System.Text.StringBuilder();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('#') || (text.Length == 0 && line.Length == 0))
            {
                continue;
            }
            if (text.Length == 0)
            {
                start = i + 1;
            }
            var continues = line.EndsWith('\\');
            text.Append(continues ? line[..^1] : line).Append(' ');
            if (!continues)
            {
                var joined = text.ToString().Trim();
                text.Clear();
                var space = joined.IndexOf(' ', StringComparison.Ordinal);
                yield return space < 0
                    ? new DockerInstruction(joined.ToUpperInvariant(), "", start)
                    : new DockerInstruction(joined[..space].ToUpperInvariant(), joined[(space + 1)..].Trim(), start);
            }
        }
    }
}
