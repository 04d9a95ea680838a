using VeSiting.Core.Assessments;

namespace VeSiting.Core.Questions;

/// <summary>A registered-plant question as typed (null: not given): the GSRNs, and the options both front ends take.</summary>
public sealed record PlantText(IReadOnlyList<string> Gsrns, string? PermitDate = null, int? FlickerYear = null);

/// <summary>
/// "What do these registered plants mean for their neighbours?": one or more GSRNs (turbines of one park), assessed
/// together as one project with the permit date given (else the register's). The service's <c>/api/assess/plant/{gsrn}</c>
/// (<c>?also=</c>) and the command line's <c>assess plant --gsrn</c> both ask it. Refusals name <c>gsrn</c> (none given;
/// not in the register: not found; a turbine without a total height: cannot be assessed), <c>permitDate</c> or
/// <c>flickerYear</c>.
/// </summary>
public sealed record PlantQuestion(IReadOnlyList<string> Gsrns, DateOnly? PermitDate, FlickerYearQuestion FlickerYear)
{
    public const string Field = "gsrn";

    public static Outcome<PlantQuestion> Parse(PlantText text)
    {
        var ids = text.Gsrns.Select(g => g.Trim()).Where(g => g.Length > 0).ToList();
        if (ids.Count == 0)
            return Refusal.Invalid(Field, Reason.Of("plant.give-gsrn"));
        if (text.PermitDate is { } permitText && ValueText.StrictDate(permitText) is { } badDate)
            return Refusal.Invalid("permitDate", badDate);
        if (!FlickerYearQuestion.Parse(text.FlickerYear).TryGet(out var year, out var refusal))
            return refusal;
        return new PlantQuestion(ids, text.PermitDate is { } given ? DateOnly.ParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null, year);
    }

    /// <summary>The plants as one project (with the other members of each plant's registered project).</summary>
    public async Task<Outcome<Project>> ResolveAsync(ISpatialStore store, CancellationToken cancellationToken = default)
    {
        var plants = new List<Plant>();
        foreach (var id in Gsrns)
        {
            var plant = await store.FindPlantAsync(id, cancellationToken);
            if (plant is null)
                return Refusal.NotFound(Field, Reason.Of("plant.no-gsrn", ("value", ValueText.Echo(id))));
            if (plant.Kind == PlantKind.WindTurbine && plant.TotalHeightM is null)
                return Refusal.Unprocessable(Field, Reason.Of("plant.no-height", ("plant", plant.Id)));
            plants.Add(plant);
        }
        return await ProjectAssessor.RegisteredAsync(store, plants, PermitDate, cancellationToken);
    }
}
