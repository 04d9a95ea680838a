namespace VeSiting.Data.Sources;

/// <summary>
/// A source with no built-in file: it takes part in loading only once a user adds one (<c>vesiting data add</c>).
/// </summary>
public sealed record OptionalSource(string Id, string Importer, string Title, string Layout)
{
    public static IReadOnlyList<OptionalSource> All { get; } =
    [
        new("permit-dates", "permit-dates", "Permit dates (your file)", "CSV: gsrn, permit_date (yyyy-MM-dd)"),
        new("project-groupings", "project-groupings", "Project groupings (your file)", "CSV: gsrn, project_id"),
        new("bbr-units", "bbr-units", "BBR units (your file)",
            "Datafordeleren BBR bulk JSON (EnhedList) or CSV: id_lokalId, status, enh020EnhedensAnvendelse, adresseIdentificerer; needs unit addresses in dar-addresses"),
        new("turbine-acoustics", "turbine-acoustics", "Turbine acoustics (your file)",
            "CSV: manufacturer, model, mode, lwa_6ms_db, lwa_8ms_db, optional lwa_octaves_8ms_db (8 values 63 Hz-8 kHz) and lwa_lf_thirds_8ms_db (13 values 10-160 Hz), separated by spaces; see docs/noise.md"),
        new("noise-sensitive-areas", "noise-sensitive-areas", "Noise-sensitive areas (your file)",
            "GeoJSON or GeoPackage polygons with a use category (property category or anvendelsegenerel: bolig, sommerhus, institution, kolonihave, rekreativ count as noise-sensitive); see docs/noise.md"),
        new("firms", "firms", "Firms (your file)",
            "CSV (id, name, annual_kwh, optional cvr, and e,n in EPSG:25832 or lon,lat) or GeoJSON/GeoPackage points with those properties; counted by the tariff proposal's impact"),
    ];

    public static OptionalSource? Find(string id) => All.FirstOrDefault(s => s.Id == id);

    /// <summary>The manifest entry for an added file of this source.</summary>
    public SourceEntry EntryFor(AddedFile added) => new()
    {
        Id = Id,
        File = added.File,
        Importer = Importer,
        Title = $"{Title}: {added.OriginalName}",
        Sha256 = added.Sha256,
        Bytes = added.Bytes,
        Licence = "supplied by the user",
        Attribution = $"{Title}: {added.OriginalName}",
        Added = added,
    };
}
