using System.Text;
using Athar.Cli;

Console.OutputEncoding = Encoding.UTF8;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the running command to stop cleanly; a second one ends the process.
    if (cancellation.IsCancellationRequested)
        return;
    e.Cancel = true;
    cancellation.Cancel();
};

return await AtharCli.RunAsync(args, Console.Out, Console.Error, environment: null, cancellation.Token);
