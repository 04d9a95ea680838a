namespace VeSiting.Data.Importers.Ens;

/// <summary>
/// Recognises the register's column headings in Danish and English across editions
/// ("Møllenummer (GSRN)", "Turbine identifier (GSRN)", "X (øst) koordinat \nUTM 32 Euref89", …).
/// Headings are matched after <see cref="CellText.Normalise"/>.
/// </summary>
internal static class EnsHeaderVocabulary
{
    public static readonly EnsField[] Required = [EnsField.Gsrn, EnsField.CapacityKw, EnsField.RotorDiameterM, EnsField.HubHeightM, EnsField.Easting, EnsField.Northing];

    public static EnsField? Recognise(string h)
    {
        if (h.Length == 0) return null;
        if (h.Contains("gsrn") || h.StartsWith("møllenummer") || h.StartsWith("turbine identifier")) return EnsField.Gsrn;
        if (h.Contains("nettilslutning") || h.Contains("connection to grid") || h.Contains("grid connection")) return EnsField.ConnectedOn;
        if ((h.Contains("afmeld") && h.Contains("dato")) || h.Contains("date of decommissioning") || h.Contains("decommissioning date")) return EnsField.DecommissionedOn;
        if (h.StartsWith("kapacitet") || h.StartsWith("capacity") || h.StartsWith("effekt")) return EnsField.CapacityKw;
        if (h.StartsWith("rotor")) return EnsField.RotorDiameterM;
        if (h.StartsWith("navhøjde") || h.StartsWith("nav-højde") || h.StartsWith("hub height")) return EnsField.HubHeightM;
        if (h.StartsWith("fabrikat") || h.StartsWith("manufactur")) return EnsField.Manufacturer;
        if (h == "model" || h.StartsWith("typebetegnelse") || h.StartsWith("type designation")) return EnsField.Model;
        if ((h.StartsWith("kommune") && (h.Contains("nr") || h.Contains("kode"))) || (h.StartsWith("local authority") && h.Contains("no"))) return EnsField.MunicipalityCode;
        if (h == "kommune" || h.StartsWith("kommunenavn") || h.StartsWith("local authority")) return EnsField.MunicipalityName;
        if (h.StartsWith("type af placering") || h.StartsWith("type of location") || h == "placering") return EnsField.LocationType;
        if (h.StartsWith("ejerlav") || h.StartsWith("cadastral district")) return EnsField.CadastralDistrict;
        if (h.StartsWith("matrikel") || h.StartsWith("cadastral no")) return EnsField.CadastralNumber;
        if (IsCoordinate(h, 'x', "øst", "east")) return EnsField.Easting;
        if (IsCoordinate(h, 'y', "nord", "north")) return EnsField.Northing;
        if (h.StartsWith("koordinatoprindelse") || h.StartsWith("origin of coordinates")) return EnsField.CoordinateOrigin;
        if (h.StartsWith("park") || h.StartsWith("vindmøllepark") || h.StartsWith("vindpark") || h.StartsWith("wind farm") || h.StartsWith("windfarm")) return EnsField.Park;
        return null;
    }

    private static bool IsCoordinate(string h, char axis, string danish, string english) =>
        h.Length > 1 && h[0] == axis && !char.IsLetter(h[1]) && (h.Contains(danish) || h.Contains(english) || h.Contains("koordinat") || h.Contains("coordinate"));
}
