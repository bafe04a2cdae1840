using Iomete.Bench;

// dotnet run -c Release --project bench/Iomete.Bench -- [dispatch|coldstart|all|iceberg|sql|ingest|handoff|durable|schedule|policy|data-policy|catalog-search|compaction|push-fanout|console] [--seconds N] [--rounds N] [--scale SF] [--write docs/benchmarks.md]
var options = BenchOptions.Parse(args);
if (options.Mode == "bare-host")
{
    // Child process of the cold-start benchmark: the baseline, a bare minimal API.
    await BareHost.RunAsync(options.Port);
    return;
}

var sections = new List<string>();
if (options.Mode is "dispatch" or "all")
{
    sections.Add(await DispatchBenchmark.RunAsync(options));
}
if (options.Mode is "coldstart" or "all")
{
    sections.Add(await ColdStartBenchmark.RunAsync(options));
}
if (options.Mode is "iceberg")
{
    sections.Add(await IcebergCatalogBenchmark.RunAsync(options));
}
if (options.Mode is "sql")
{
    sections.Add(await SqlBenchmark.RunAsync(options));
}
if (options.Mode is "ingest")
{
    sections.Add(await IngestBenchmark.RunAsync(options));
}
if (options.Mode is "durable")
{
    sections.Add(await DurableBenchmark.RunAsync(options));
}
if (options.Mode is "schedule")
{
    sections.Add(await ScheduleBenchmark.RunAsync(options));
}
if (options.Mode is "data-policy")
{
    sections.Add(await DataPolicyBenchmark.RunAsync(options));
}
if (options.Mode is "policy")
{
    sections.Add(PolicyBenchmark.Run(options));
}
if (options.Mode is "catalog-search")
{
    sections.Add(CatalogSearchBenchmark.Run(options));
}
if (options.Mode is "compaction")
{
    sections.Add(await CompactionBenchmark.RunAsync(options));
}
if (options.Mode is "push-fanout")
{
    sections.Add(await PushFanoutBenchmark.RunAsync(options));
}
if (options.Mode is "console")
{
    sections.Add(await ConsoleLoadBenchmark.RunAsync(options));
}
if (options.Mode is "handoff")
{
    sections.Add(await HandoffBenchmark.RunAsync());
}
var report = string.Join("\n", sections);
Console.WriteLine(report);
if (options.WritePath is not null)
{
    BenchmarksDocument.Replace(options.WritePath, options.Mode is "iceberg" or "sql" or "handoff" or "ingest" or "durable" or "schedule" or "data-policy" or "policy" or "catalog-search" or "compaction" or "push-fanout" or "console" ? options.Mode : "foundation", report);
}
