namespace VeSiting.Core.Rules;

/// <summary>The same kind, id and version is already published.</summary>
public sealed class RulePublishConflictException(string message) : Exception(message);
