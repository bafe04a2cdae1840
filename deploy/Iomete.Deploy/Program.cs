using Iomete.Deploy;

// Regenerates the chart's generated templates and components/ from the built app and deploy/services.yaml:
//   dotnet run --project deploy/Iomete.Deploy -- --metadata <functions.metadata> --out <repository root> [--description <services.yaml>]
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal) && p.i + 1 < args.Length)
    .ToDictionary(p => p.a, p => args[p.i + 1], StringComparer.Ordinal);
if (!options.TryGetValue("--metadata", out var metadata) || !options.TryGetValue("--out", out var output))
{
    await Console.Error.WriteLineAsync("usage: Iomete.Deploy --metadata <functions.metadata> --out <repository root> [--description <services.yaml>]");
    return 2;
}
var description = options.GetValueOrDefault("--description") ?? Path.Combine(output, "deploy", "services.yaml");
try
{
    var files = ManifestGenerator.Generate(metadata, description);
    foreach (var path in GeneratedFiles.Write(output, files))
    {
        Console.WriteLine(path);
    }
    return 0;
}
catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
