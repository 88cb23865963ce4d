using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/S3Emulator.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
