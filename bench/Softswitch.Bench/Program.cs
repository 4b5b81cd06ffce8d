using BenchmarkDotNet.Running;
using Softswitch.Bench.Media;

// Load modes run the real engine on sockets and print figures; everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "relay-load")
{
    return RelayLoad.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "transaction-memory")
{
    return Softswitch.Bench.Sip.ServerTransactionMemoryBenchmarks.MeasureRetained(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
