namespace VeSiting.Core.Rules;

/// <summary>A published rule file: its name (kind~id~version.json) and its bytes as published.</summary>
public sealed record PublishedRuleFile(string FileName, byte[] Json);

/// <summary>
/// Where published rule files live when several service instances share them (a database); each instance keeps a
/// local copy in its published folder and loads the rules from there. Without an archive, the folder is the record.
/// </summary>
public interface IRuleArchive
{
    /// <summary>Changes whenever a file is published; cheap enough to ask every few seconds.</summary>
    Task<string> RevisionAsync(CancellationToken cancellationToken);

    /// <summary>Every published file, with the revision they make up (read together, so the two always agree).</summary>
    Task<(string Revision, IReadOnlyList<PublishedRuleFile> Files)> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="file"/> after <paramref name="check"/> has passed, both under one lock shared by every
    /// instance, so two instances cannot each publish a file that conflicts with the other's.
    /// </summary>
    /// <exception cref="RulePublishConflictException">The file name is already published.</exception>
    Task AddAsync(PublishedRuleFile file, Func<CancellationToken, Task> check, CancellationToken cancellationToken);
}
