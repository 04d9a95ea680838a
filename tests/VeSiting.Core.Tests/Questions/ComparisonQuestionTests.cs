using VeSiting.Core.Domain;
using VeSiting.Core.Outcomes;
using VeSiting.Core.Questions;
using VeSiting.Core.Stores;

namespace VeSiting.Core.Tests.Questions;

/// <summary>The comparison, layout and flicker-calendar questions: names, dates, saved projects, and refusals at their place.</summary>
public sealed class ComparisonQuestionTests
{
    private static readonly PlannedLayout Tall = new([PlannedPlants.Turbine("T1", 638500, 6150500, 95, 110, 4200)], new DateOnly(2026, 6, 1), "tall");
    private static readonly PlannedLayout Unnamed = new([PlannedPlants.Turbine("T1", 637800, 6150500, 60, 50, 800)], null, null);

    private static ComparisonText Layouts(params Outcome<PlannedLayout>[] layouts) => new([.. layouts.Select(l => new LayoutText(l))], []);

    [Fact]
    public void A_layout_is_named_by_its_own_name_else_the_front_ends_fallback_else_its_column()
    {
        var question = ComparisonQuestion.Parse(new ComparisonText([new(Tall, "tall.geojson"), new(Unnamed, "short"), new(Unnamed with { Name = " " })], [])).Value;
        var names = question.Sources.Select(s => ((ComparisonQuestion.Source.Given)s).Project.Name);
        Assert.Equal(["tall", "short", "layout C"], names);
    }

    [Fact]
    public void The_permit_date_given_dates_every_layout_else_each_keeps_its_own()
    {
        DateOnly?[] Permits(ComparisonQuestion q) => [.. q.Sources.Select(s => ((ComparisonQuestion.Source.Given)s).Project.PermitDate)];
        Assert.Equal([new DateOnly(2026, 6, 1), null], Permits(ComparisonQuestion.Parse(Layouts(Tall, Unnamed)).Value));
        Assert.Equal([new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 2)], Permits(ComparisonQuestion.Parse(Layouts(Tall, Unnamed) with { PermitDate = "2025-01-02" }).Value));
    }

    public static TheoryData<string, ComparisonText, (RefusalKind, string?, string)> Refusals => new()
    {
        { "none", new ComparisonText([], []), (RefusalKind.Invalid, "layouts", "give 2 to 5 layouts or saved projects") },
        { "both", new ComparisonText([new(Tall), new(Tall)], ["a", "b"]), (RefusalKind.Invalid, "projects", "give layouts or saved projects, not both") },
        { "one", Layouts(Tall), (RefusalKind.Invalid, "layouts", "1 entry; a comparison takes 2 to 5") },
        { "six projects", new ComparisonText([], ["a", "b", "c", "d", "e", "f"]), (RefusalKind.Invalid, "projects", "6 entries; a comparison takes 2 to 5") },
        // The reader's refusal of the second layout, its field put before the reason and the layout's place made the field.
        { "a bad second layout", Layouts(Tall, Refusal.Invalid("hub_height_m", "feature 1: -5 is not within above 0 to 300")),
            (RefusalKind.Invalid, "layouts[1]", "hub_height_m: feature 1: -5 is not within above 0 to 300") },
        // A refusal of the document as a whole already names its place: the reason stays as it is.
        { "a second layout that is not JSON", Layouts(Tall, Refusal.Invalid("layouts[1]", "not valid JSON at line 1, column 2")),
            (RefusalKind.Invalid, "layouts[1]", "not valid JSON at line 1, column 2") },
        { "a name too long", Layouts(Tall, Unnamed with { Name = new string('x', 201) }), (RefusalKind.Invalid, "layouts[1]", "name: 201 characters; at most 200") },
        { "a bad permit date", Layouts(Tall, Unnamed) with { PermitDate = "2026-02-30" }, (RefusalKind.Invalid, "permitDate", "'2026-02-30' is not a date (yyyy-mm-dd)") },
        { "a bad flicker year", Layouts(Tall, Unnamed) with { FlickerYear = 2101 }, (RefusalKind.Invalid, "flickerYear", "2101 is not a year from 1900 to 2100") },
        { "an id that cannot be one", new ComparisonText([], ["ok-1", "Not Ok"]),
            (RefusalKind.Invalid, "projects[1]", "'Not Ok' is not a project id (1–64 lower-case letters, digits and dashes)") },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_bad_comparison_is_refused_at_its_place(string name, ComparisonText text, (RefusalKind, string?, string) expected)
    {
        var refusal = ComparisonQuestion.Parse(text).Refusal;
        Assert.True(refusal is not null, name);
        Assert.Equal(expected, (refusal.Kind, refusal.Field, refusal.Reason));
    }

    [Fact]
    public async Task Saved_projects_keep_their_stored_name_and_one_not_saved_is_not_found_at_its_place()
    {
        var store = new Projects(new SavedProject("first", "First site", DateTimeOffset.UnixEpoch, 1, "{}"));
        Outcome<PlannedLayout> Read(string json, string at) => Tall;

        var found = await ComparisonQuestion.Parse(new ComparisonText([], ["first", "first"], "2025-01-02")).Value.ResolveAsync(store, Read);
        Assert.Equal([("First site", "first", (DateOnly?)new DateOnly(2025, 1, 2)), ("First site", "first", new DateOnly(2025, 1, 2))],
            found.Value.Select(e => (e.Project.Name, e.SavedId, e.Project.PermitDate)));

        var missing = await ComparisonQuestion.Parse(new ComparisonText([], ["first", "second"])).Value.ResolveAsync(store, Read);
        Assert.Equal((RefusalKind.NotFound, "projects[1]", "no saved project 'second'"), (missing.Refusal!.Kind, missing.Refusal.Field, missing.Refusal.Reason));
    }

    [Fact]
    public void A_calendar_question_refuses_the_location_first_then_the_year_then_the_layout()
    {
        var badLayout = (Outcome<PlannedLayout>)Refusal.Invalid("body", "a layout is a GeoJSON FeatureCollection");
        Assert.Equal("location", FlickerCalendarQuestion.Parse(new LocationText(), 1800, badLayout).Refusal!.Field);
        // A building is no location for a calendar.
        Assert.Equal("location", FlickerCalendarQuestion.Parse(new LocationText(Building: "b1"), null).Refusal!.Field);
        Assert.Equal("flickerYear", FlickerCalendarQuestion.Parse(new LocationText(E: "638500", N: "6150500"), 1800, badLayout).Refusal!.Field);
        Assert.Equal("body", FlickerCalendarQuestion.Parse(new LocationText(E: "638500", N: "6150500"), 2026, badLayout).Refusal!.Field);
        var question = FlickerCalendarQuestion.Parse(new LocationText(E: "638500", N: "6150500"), null, Tall).Value;
        Assert.Equal(Tall.Plants, question.Layout);
        Assert.Equal(2027, question.FlickerYear.For(new DateOnly(2027, 3, 1)));
        Assert.Null(FlickerCalendarQuestion.Parse(new LocationText(E: "638500", N: "6150500"), 2026).Value.Layout);
    }

    [Fact]
    public void A_layout_question_refuses_the_layout_first_then_the_year()
    {
        Assert.Equal("hub_height_m", LayoutQuestion.Parse(Refusal.Invalid("hub_height_m", "feature 1: -5 is not within above 0 to 300"), 1800).Refusal!.Field);
        Assert.Equal("flickerYear", LayoutQuestion.Parse(Tall, 1800).Refusal!.Field);
        Assert.Equal(2030, LayoutQuestion.Parse(Tall, 2030).Value.FlickerYear.For(new DateOnly(2027, 1, 1)));
    }

    /// <summary>Saved projects in memory.</summary>
    private sealed class Projects(params SavedProject[] saved) : IProjectStore
    {
        public Task SaveAsync(SavedProject project, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SavedProject?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(saved.FirstOrDefault(p => p.Id == id));

        public Task<IReadOnlyList<SavedProject>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<SavedProject>>(saved);

        public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
