using VeSiting.Bench;
using VeSiting.Cli.Infrastructure;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await BenchApp.RunAsync(args, CliConsole.ForProcess(), cancellation.Token);
