using BenchmarkDotNet.Running;
using Jobsmith.Bench.Applications;
using Jobsmith.Bench.EndToEnd;
using Jobsmith.Bench.Store;

// End-to-end runs against a real database are plain runners; everything else is BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "ingest-store" => await IngestThroughput.RunAsync(args[1..]),
    "list-latency" => await ListLatency.RunAsync(args[1..]),
    "form-fill" => await FormFillLatency.RunAsync(args[1..]),
    "e2e" => await EndToEndRun.RunAsync(args[1..]),
    "web" => await WebThroughput.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
