using VeSiting.Core.Explanations;
using VeSiting.Core.Outcomes;
using VeSiting.Core.Questions;

namespace VeSiting.Data.Importers.Projects;

/// <summary>
/// A planned layout as a question's part, read the same way wherever it is given (a request body, a stored project, a
/// layout file): the document checked (<see cref="GeoJsonCheck.Project"/>), then read (<see cref="PlannedProjectReader"/>).
/// A bad layout is a refusal naming the property (or what holds the document, for the document as a whole) with every
/// error found in <see cref="Refusal.Issues"/>.
/// </summary>
public static class PlannedLayouts
{
    /// <summary>
    /// The layout in <paramref name="root"/>; <paramref name="field"/> is what holds it (<c>body</c>, <c>file</c>, a member of
    /// a body), <paramref name="maxPlants"/> the most plants one question may carry (the service's request limit, refused as
    /// <c>features</c>), or null for no limit; <paramref name="file"/> names the document in the errors listed (default: the field).
    /// </summary>
    public static Outcome<PlannedLayout> Read(JsonElement root, string field, int? maxPlants = null, string? file = null)
    {
        if (GeoJsonCheck.Project(root) is { } broken)
            return broken;
        try
        {
            var (plants, permit) = new PlannedProjectReader().Read(root, file ?? field);
            if (plants.Count > maxPlants)
                return Refusal.Invalid("features", Reason.Of("layout.too-many-plants", ("count", plants.Count), ("max", maxPlants)));
            return new PlannedLayout(plants, permit, root.ValueKind == JsonValueKind.Object && root.TryGetProperty("name", out var name)
                && name.ValueKind == JsonValueKind.String ? name.GetString() : null);
        }
        catch (ImportFailedException e)
        {
            var first = e.Errors.FirstOrDefault();
            var refusal = first?.Because is { } because ? Refusal.Invalid(first.Column ?? field, because) : Refusal.Invalid(first?.Column ?? field, first?.Reason ?? e.Message);
            return refusal with { Issues = e.Errors };
        }
    }

    /// <summary>A layout given as JSON text (<paramref name="file"/>'s contents, a saved project's); text that is not JSON is refused naming <paramref name="field"/>.</summary>
    public static Outcome<PlannedLayout> Parse(string json, string field, string file, int? maxPlants = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return Refusal.Invalid(field, $"not valid JSON at {JsonSyntax.Describe(e)}");
        }
        using (document)
            return Read(document.RootElement, field, maxPlants, file);
    }
}
