namespace VeSiting.Data.Importers.Dar;

/// <summary>
/// Which published address layout a CSV has, by its header: the built-in DAR extract (<c>husnummer_id</c>,
/// <c>etrs89_east</c>, …), DAWA's <c>adgangsadresser</c> (<c>id</c>, <c>etrs89koordinat_øst</c>, …) or DAWA's unit
/// addresses <c>adresser</c> (<c>id</c>, <c>etage</c>, <c>dør</c>, <c>adgangsadresseid</c>, …), in any column order.
/// </summary>
internal sealed record DarCsvLayout(string AccessId, string? UnitId, string East, string North, string? Status)
{
    public const string Municipality = "kommunekode";
    public const string Street = "vejnavn";
    public const string HouseNumber = "husnr";
    public const string PostCode = "postnr";
    public const string PostCodeName = "postnrnavn";

    private static readonly string[] EastNames = ["etrs89_east", "etrs89koordinat_øst", "etrs89koordinat_oest"];
    private static readonly string[] NorthNames = ["etrs89_north", "etrs89koordinat_nord"];

    /// <summary>Unit addresses: one row per dwelling or business unit, grouped into access addresses with a household count.</summary>
    public bool IsUnitLayout => UnitId is not null;

    public IReadOnlyList<string> Required => [AccessId, Municipality, Street, HouseNumber, PostCode, PostCodeName, East, North];

    public static DarCsvLayout Of(string[] header)
    {
        bool Has(string name) => header.Contains(name, StringComparer.OrdinalIgnoreCase);
        string First(string[] names) => names.FirstOrDefault(Has) ?? names[0];
        var status = Has("status") ? "status" : null;
        if (Has("adgangsadresseid"))
            return new DarCsvLayout("adgangsadresseid", "id", First(EastNames), First(NorthNames), status);
        var id = Has("husnummer_id") || !Has("id") ? "husnummer_id" : "id";
        return new DarCsvLayout(id, null, First(EastNames), First(NorthNames), status);
    }

    /// <summary>DAR/DAWA status: 1 in force, 3 preliminary (both in use); 2 and 4 are retired or abandoned.</summary>
    public static bool InUse(ReadOnlySpan<char> status) =>
        status.IsEmpty || status is "1" or "3" || status.Equals("gældende", StringComparison.OrdinalIgnoreCase) || status.Equals("foreløbig", StringComparison.OrdinalIgnoreCase);
}
