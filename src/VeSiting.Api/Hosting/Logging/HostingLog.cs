namespace VeSiting.Api.Hosting.Logging;

/// <summary>The service's log messages, source-generated; event ids are kept in this one file so that they stay unique.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Serving PostGIS at {Database}, data version {Version}")]
    public static partial void ServingPostGis(ILogger logger, string database, string version);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Loaded data version {Version} into the embedded engine in {Seconds:0.00} s")]
    public static partial void LoadedEmbedded(ILogger logger, string version, double seconds);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void StoreWarning(ILogger logger, string message);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Now serving data version {Version}")]
    public static partial void NowServing(ILogger logger, string version);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Newly published rules are in force")]
    public static partial void NewRules(ILogger logger);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Data version check failed: {Reason}")]
    public static partial void VersionCheckFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Import {Job} succeeded: data version {Version}")]
    public static partial void ImportSucceeded(ILogger logger, string job, string? version);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Import {Job} failed; data version {Version} keeps serving: {Reason}")]
    public static partial void ImportFailed(ILogger logger, string job, string version, string reason);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Import {Job}: could not record stage {Stage}: {Reason}")]
    public static partial void ImportNotRecorded(ILogger logger, string job, string stage, string reason);
}
