using VeSiting.Core.Stores;

namespace VeSiting.Stores.Tests.Conformance;

/// <summary>What every project store must do; run against the folder store and PostGIS.</summary>
public abstract class ProjectStoreContract
{
    protected abstract IProjectStore Store { get; }

    private const string Turbine = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"T1","hub_height_m":95,"rotor_diameter_m":110},"geometry":{"type":"Point","coordinates":[11.19,55.48]}}]}""";

    private static SavedProject Project(string id, string name, int minute, string geoJson = Turbine, int plants = 1) =>
        new(id, name, new DateTimeOffset(2026, 11, 26, 12, minute, 0, 123, TimeSpan.Zero), plants, geoJson);

    private static string UniqueId(string stem) => $"{stem}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_saved_project_comes_back_exactly_as_saved()
    {
        var project = Project(UniqueId("hoeng"), "Høng vindmøller – ansøgning 2026", 1);
        await Store.SaveAsync(project);
        Assert.Equal(project, await Store.GetAsync(project.Id));
    }

    [Fact]
    public async Task Saving_under_the_same_id_replaces_the_project()
    {
        var id = UniqueId("replace");
        await Store.SaveAsync(Project(id, "first", 2));
        var second = Project(id, "second", 3, Turbine.Replace("T1", "T2"), plants: 1);
        await Store.SaveAsync(second);
        Assert.Equal(second, await Store.GetAsync(id));
        Assert.Single(await Store.ListAsync(), p => p.Id == id);
    }

    [Fact]
    public async Task The_list_is_newest_first_then_by_id()
    {
        var older = Project(UniqueId("a-older"), "older", 4);
        var newer = Project(UniqueId("b-newer"), "newer", 5);
        var sameTimeB = Project("zz-" + older.Id[..20], "same time b", 5);
        var sameTimeA = Project("zy-" + older.Id[..20], "same time a", 5);
        foreach (var p in new[] { older, sameTimeB, newer, sameTimeA })
            await Store.SaveAsync(p);
        var ids = (await Store.ListAsync()).Select(p => p.Id).Where(id => id == older.Id || id == newer.Id || id == sameTimeA.Id || id == sameTimeB.Id).ToList();
        // Minute 5 before minute 4; within minute 5 ordinal by id: "b-…" < "zy-…" < "zz-…".
        Assert.Equal([newer.Id, sameTimeA.Id, sameTimeB.Id, older.Id], ids);
    }

    [Fact]
    public async Task Deleting_removes_the_project_and_says_whether_there_was_one()
    {
        var project = Project(UniqueId("delete"), "to delete", 6);
        await Store.SaveAsync(project);
        Assert.True(await Store.DeleteAsync(project.Id));
        Assert.Null(await Store.GetAsync(project.Id));
        Assert.False(await Store.DeleteAsync(project.Id));
    }

    [Theory]
    [InlineData("'; DROP TABLE projects; --")]
    [InlineData("../../etc/passwd")]
    [InlineData("Robert\"); DELETE FROM plants; --\n\t\u0001 æøå 🌬")]
    public async Task Hostile_names_are_kept_verbatim_and_hostile_ids_find_nothing(string hostile)
    {
        var project = Project(UniqueId("hostile"), hostile, 7, Turbine.Replace("T1", hostile.Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t").Replace("\u0001", "\\u0001")));
        await Store.SaveAsync(project);
        Assert.Equal(project, await Store.GetAsync(project.Id));
        Assert.Null(await Store.GetAsync(hostile));
        Assert.False(await Store.DeleteAsync(hostile));
        Assert.Equal(project, await Store.GetAsync(project.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("UPPER")]
    [InlineData("-leading-dash")]
    public async Task An_invalid_id_is_refused_and_nothing_is_written(string id)
    {
        var before = (await Store.ListAsync()).Count;
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(Project(id, "bad id", 8)));
        Assert.Equal(before, (await Store.ListAsync()).Count);
    }
}
