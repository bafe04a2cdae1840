using Iomete.Deploy.Emit;

namespace Iomete.Deploy.Tests.Generator;

/// <summary>The committed chart templates and components/ are what the generator makes from the current app.</summary>
public sealed class RegenerationTests
{
    [Fact]
    public void Regenerating_gives_byte_identical_files_to_the_committed_ones()
    {
        var output = Directory.CreateTempSubdirectory("iomete-deploy-");
        try
        {
            var written = GeneratedFiles.Write(output.FullName, ManifestGenerator.Generate(FunctionsMetadata.FilePath(), GeneratedOutput.DescriptionPath));
            var committed = GeneratedOutput.TemplateFiles().Concat(GeneratedOutput.ComponentFiles())
                .Select(f => Path.GetRelativePath(GeneratedOutput.Root, f).Replace('\\', '/'))
                .ToHashSet();
            var problems = new List<string>();
            problems.AddRange(committed.Except(written).Select(f => $"{f}: committed but no longer generated"));
            foreach (var file in written)
            {
                var expected = File.ReadAllText(Path.Combine(output.FullName, file));
                var actualPath = Path.Combine(GeneratedOutput.Root, file);
                if (!File.Exists(actualPath))
                {
                    problems.Add($"{file}: generated but not committed");
                    continue;
                }
                var actual = File.ReadAllText(actualPath);
                if (actual != expected)
                    problems.Add($"{file}: differs, first at line {FirstDifference(expected, actual)}");
            }
            Assert.True(problems.Count == 0,
                $"The generated deployment files are stale. Run from the repository root:\n  {YamlText.Command}\n" +
                $"then review with `git diff charts components`.\n{string.Join("\n", problems)}");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static int FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
            line++;
        return line + 1;
    }
}
