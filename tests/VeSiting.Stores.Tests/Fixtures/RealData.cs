using VeSiting.Core.Stores;
using VeSiting.Data.Loading;
using VeSiting.Data.Sources;

namespace VeSiting.Stores.Tests.Fixtures;

/// <summary>The project's default data set, obtained through the manifest and loaded once per test run.</summary>
public static class RealData
{
    private static readonly Lazy<Task<DataSet>> Loaded = new(LoadAsync);

    public static Task<DataSet> GetAsync() => Loaded.Value;

    private static Task<DataSet> LoadAsync()
    {
        var layout = ProjectLayout.Locate();
        return DefaultData.LoadAsync(layout, manifest: DefaultData.BuiltIn(layout));
    }
}
