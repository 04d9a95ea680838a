using VeSiting.Core.Stores;
using VeSiting.Data.Projects;

namespace VeSiting.Stores.Tests.Conformance;

/// <summary>The project contract against the folder store of the embedded engine.</summary>
public sealed class FileProjectStoreContractTests : ProjectStoreContract, IDisposable
{
    private readonly FileProjectStore _store = new(Directory.CreateTempSubdirectory("vesiting-projects-").FullName);

    protected override IProjectStore Store => _store;

    public void Dispose() => Directory.Delete(_store.Folder, recursive: true);

    [Fact]
    public async Task A_save_leaves_no_temporary_files_behind()
    {
        await _store.SaveAsync(new SavedProject("one", "one", DateTimeOffset.UnixEpoch, 0, "{}"));
        Assert.Equal(["one.project.json"], Directory.EnumerateFiles(_store.Folder).Select(Path.GetFileName));
    }
}
