using BenchmarkDotNet.Running;
using S3Emulator.Bench;

// dotnet run -c Release --project bench/S3Emulator.Bench -- --filter '*'
// dotnet run -c Release --project bench/S3Emulator.Bench -- --olap-memory   (the 1 GiB Object Lambda GET memory check)
if (args.Contains(ObjectLambdaMemoryCheck.Switch)) return await ObjectLambdaMemoryCheck.RunAsync(args);
BenchmarkSwitcher.FromAssembly(typeof(ObjectLambdaMemoryCheck).Assembly).Run(args);
return 0;
