using NetTopologySuite.Features;

namespace VeSiting.Api.Tiles.Sources;

/// <summary>Feature attributes with null values left out (MVT has no null).</summary>
internal static class TileAttributes
{
    public static AttributesTable Of(params (string Key, object? Value)[] values)
    {
        var table = new AttributesTable();
        foreach (var (key, value) in values)
        {
            if (value is not null)
                table.Add(key, value);
        }
        return table;
    }
}
