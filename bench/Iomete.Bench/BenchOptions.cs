using System.Globalization;

namespace Iomete.Bench;

internal sealed record BenchOptions(string Mode, int Seconds, int Concurrency, int Rounds, int Port, string? WritePath, double Scale = 1)
{
    public static BenchOptions Parse(string[] args)
    {
        var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var ingest = mode == "ingest";
        return new BenchOptions(mode, Int("--seconds", ingest ? 10 : 5), Int("--concurrency", ingest ? 4 : 16), Int("--rounds", 3), Int("--port", 0), Value("--write"),
            Value("--scale") is { } scale ? double.Parse(scale, CultureInfo.InvariantCulture) : 1);
    }
}
