using BenchmarkDotNet.Running;
using Softswitch.Bench.Media;

// Load modes run the real engine on sockets and print figures; everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "relay-load")
{
    return RelayLoad.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
