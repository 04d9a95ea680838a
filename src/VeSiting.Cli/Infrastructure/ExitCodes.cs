namespace VeSiting.Cli.Infrastructure;

/// <summary>Exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Data could not be obtained or imported, or another runtime failure.</summary>
    public const int Failure = 1;
    /// <summary>Bad command line: unknown command or option, missing or contradictory arguments.</summary>
    public const int Usage = 2;
    /// <summary>The thing asked for does not exist (unknown GSRN, address not found).</summary>
    public const int NotFound = 3;
}
