using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Spectre.Console.Cli;
using VeSiting.Bench.Load;
using VeSiting.Cli.Infrastructure;

namespace VeSiting.Bench.Commands;

/// <summary>
/// <c>bench/run rate</c>: a fixed-rate (open-loop) HTTP load client. Requests go out at their intended times
/// whatever the server does, over a pool of kept-alive connections; latency is measured from the intended send time
/// (correcting coordinated omission, as wrk2 does) and from the actual send time; the report says whether the client
/// itself kept to its schedule.
/// </summary>
public sealed class BenchRateCommand(CliConsole console) : AsyncCommand<BenchRateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--url <URL>")]
        [Description("The server, e.g. http://127.0.0.1:5197.")]
        public string? Url { get; init; }

        [CommandOption("--paths <FILE>")]
        [Description("Request paths, one a line (e.g. /api/assess/site?e=…&n=…); each request takes one at random.")]
        public string? Paths { get; init; }

        [CommandOption("--rate <PER_SECOND>")]
        public int Rate { get; init; } = 2_000;

        [CommandOption("--seconds <SECONDS>")]
        public double Seconds { get; init; } = 20;

        [CommandOption("--warmup <SECONDS>")]
        [Description("Seconds at the same rate before the measured run, not counted (default 3; 0 for none).")]
        public double Warmup { get; init; } = 3;

        [CommandOption("--connections <N>")]
        [Description("Most connections the pool opens to the server (default 64); requests wait in the pool beyond that, and the wait counts as latency.")]
        public int Connections { get; init; } = 64;

        [CommandOption("--timeout <SECONDS>")]
        public double Timeout { get; init; } = 10;

        [CommandOption("--seed <SEED>")]
        public int Seed { get; init; } = 42;

        [CommandOption("--json")]
        [Description("Print the figures as one JSON object instead of text.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Url is null || !Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                return ValidationResult.Error("--url: give the server's address, e.g. http://127.0.0.1:5197");
            if (Paths is null) return ValidationResult.Error("--paths: give a file of request paths, one a line");
            if (Rate < 1) return ValidationResult.Error("--rate must be at least 1 request per second");
            if (Seconds <= 0 || Warmup < 0 || Timeout <= 0) return ValidationResult.Error("--seconds and --timeout must be positive, --warmup not negative");
            if (Connections < 1) return ValidationResult.Error("--connections must be at least 1");
            return ValidationResult.Success();
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = (await File.ReadAllLinesAsync(settings.Paths!, cancellationToken)).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (paths.Count == 0)
            throw new UsageException($"--paths: {settings.Paths} holds no request paths");

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Connections,
            PooledConnectionLifetime = System.Threading.Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(settings.Url!), Timeout = TimeSpan.FromSeconds(settings.Timeout) };
        var sender = new OpenLoopSender(client, paths, settings.Seed);

        if (settings.Warmup > 0)
        {
            console.Status.WriteLine(FormattableString.Invariant($"warming up: {settings.Rate:N0} requests/s for {settings.Warmup:0.#} s (not counted)"));
            await sender.RunAsync(new RateSchedule(settings.Rate, settings.Warmup, Stopwatch.Frequency), cancellationToken);
        }
        console.Status.WriteLine(FormattableString.Invariant($"measuring: {settings.Rate:N0} requests/s for {settings.Seconds:0.#} s against {settings.Url} ({paths.Count:N0} paths, at most {settings.Connections} connections)"));
        var report = RateReport.From(await sender.RunAsync(new RateSchedule(settings.Rate, settings.Seconds, Stopwatch.Frequency), cancellationToken));

        if (settings.Json)
            console.Output.WriteLine(JsonSerializer.Serialize(new { report, client_kept_up = report.ClientKeptUp, connections = settings.Connections, paths = paths.Count }, JsonOptions));
        else
            console.Output.Write(RateReportText.Format(report, settings.Url!, settings.Connections));
        return report.Responses > 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
