using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using VeSiting.Core.Spatial;

namespace VeSiting.Core.Tests.Spatial;

public sealed class GeometryTransformsTests
{
    [Fact]
    public void Flatten_drops_z_and_keeps_x_y_and_srid()
    {
        var reader = new WKTReader();
        var polygon = reader.Read("POLYGON Z ((684641.12 6158617.51 47.78, 684642.48 6158620.11 47.78, 684636.82 6158623.06 47.78, 684641.12 6158617.51 47.78))");

        var flat = GeometryTransforms.Flatten(polygon, Epsg.Utm32);

        Assert.Equal(25832, flat.SRID);
        Assert.All(flat.Coordinates, c => Assert.True(double.IsNaN(c.Z)));
        Assert.Equal(684642.48, flat.Coordinates[1].X);
        Assert.Equal(6158620.11, flat.Coordinates[1].Y);
    }

    [Fact]
    public void Transform_reprojects_every_vertex_and_stamps_the_target_srid()
    {
        var factory = GeometryTransforms.FactoryFor(Epsg.Wgs84);
        var line = factory.CreateLineString([new Coordinate(8.4720166, 56.3797517), new Coordinate(12.5683, 55.6761)]);

        var utm = GeometryTransforms.Transform(line, Epsg.Wgs84, Epsg.Utm32);

        Assert.Equal(25832, utm.SRID);
        // PostGIS control points (see CoordinateTransformerTests).
        Assert.Equal(467394.6281, utm.Coordinates[0].X, 0.001);
        Assert.Equal(6175804.0221, utm.Coordinates[1].Y, 0.001);
    }
}
