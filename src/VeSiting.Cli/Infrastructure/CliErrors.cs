namespace VeSiting.Cli.Infrastructure;

/// <summary>The arguments are wrong; the message says which and why.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The thing asked for does not exist in the data.</summary>
public sealed class NotFoundException(string message) : Exception(message);
