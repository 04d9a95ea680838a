using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers;

/// <summary>Words the importers' findings name: a feature's geometry type (data), or that it has none.</summary>
internal static class ImportWords
{
    /// <summary>The geometry's type as written (Point, LineString …), or the catalogue's word for a feature without one.</summary>
    public static Reason GeometryOf(Geometry? geometry, string missing = "import.geometry-missing") =>
        geometry is null ? Reason.Of(missing) : Reason.Plain(geometry.GeometryType);
}
