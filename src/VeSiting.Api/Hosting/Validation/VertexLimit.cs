namespace VeSiting.Api.Hosting;

/// <summary>Refuses request bodies whose geometries hold more coordinate pairs than the configured limit, before any geometry is built.</summary>
public static class VertexLimit
{
    public static void Check(JsonElement root, int limit)
    {
        var count = 0L;
        Count(root, ref count, limit);
    }

    private static void Count(JsonElement element, ref long count, int limit)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("coordinates"))
                        CountPositions(property.Value, ref count, limit);
                    else
                        Count(property.Value, ref count, limit);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Count(item, ref count, limit);
                break;
        }
    }

    private static void CountPositions(JsonElement coordinates, ref long count, int limit)
    {
        if (coordinates.ValueKind != JsonValueKind.Array)
            return;
        // A position is an array of numbers; anything else is a list of positions or rings.
        if (coordinates.GetArrayLength() > 0 && coordinates[0].ValueKind == JsonValueKind.Number)
        {
            if (++count > limit)
                throw new ProblemException("geometry", Reason.Of("problem.too-many-vertices", ("limit", limit)), StatusCodes.Status413PayloadTooLarge);
            return;
        }
        foreach (var item in coordinates.EnumerateArray())
            CountPositions(item, ref count, limit);
    }
}
