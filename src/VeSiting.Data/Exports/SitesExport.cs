using VeSiting.Core.Explanations;
using VeSiting.Core.Suitability;

namespace VeSiting.Data.Exports;

/// <summary>
/// Ranked sites as files, the same from the API and the command line: CSV (a row per site: rank, id, position, score, the
/// place's cells, area and why, every criterion's value) and GeoPackage (EPSG:25832; a grid's places drawn by their outlines,
/// your own candidates by their points).
/// </summary>
public static class SitesExport
{
    public static string Csv(SitingResult r, IEnumerable<RankedSite> sites)
    {
        var criteria = Criteria(r);
        return CsvOutput.Document(["rank", "site", "e", "n", "score", "cells", "area_ha", .. criteria, "place_why", "excluded_because"],
            sites.Select(s => (IEnumerable<string?>)[s.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", s.Candidate.Id,
                F(s.Candidate.Position.X), F(s.Candidate.Position.Y), s.Score is { } sc ? F(sc) : "",
                s.Place?.Cells.ToString(CultureInfo.InvariantCulture) ?? "", s.Place is { } p ? F(p.AreaHa) : "",
                .. criteria.Select(name => s.Values.FirstOrDefault(v => v.Criterion == name)?.Value is { } v ? F(v) : ""),
                s.Place?.Why.Rendered ?? "", s.ExcludedBecause?.Rendered ?? ""]));
    }

    public static byte[] GeoPackage(SitingResult r, IEnumerable<RankedSite> sites) => GeoPackageWriter.Write([Layer(r, sites)]);

    public static void WriteGeoPackage(string path, SitingResult r, IEnumerable<RankedSite> sites) => GeoPackageWriter.WriteFile(path, [Layer(r, sites)]);

    /// <summary>What a listed site is on a map: a place's outline, else the cell's square or the candidate's own shape or point.</summary>
    public static Geometry Shape(RankedSite s) => s.Place?.Outline ?? s.Candidate.Area ?? s.Candidate.Position;

    private static GeoPackageLayer Layer(SitingResult r, IEnumerable<RankedSite> sites)
    {
        var criteria = Criteria(r);
        return new GeoPackageLayer("sites", Reason.Of("export.sites", ("profile", r.Profile.Title), ("area", r.AreaReason), ("version", r.DataVersion), ("attribution", string.Join("; ", r.Attributions))).Rendered, r.CellSizeM is null ? "POINT" : "POLYGON",
            [("site", "TEXT"), ("rank", "INTEGER"), ("score", "REAL"), ("cells", "INTEGER"), ("area_ha", "REAL"), .. criteria.Select(c => (c.Replace('-', '_'), "REAL")), ("place_why", "TEXT"), ("excluded_because", "TEXT")],
            sites.Select(s => (r.CellSizeM is null ? (Geometry)s.Candidate.Position : Shape(s), Row(s, criteria))).ToList());
    }

    private static List<string> Criteria(SitingResult r) => r.Profile.Criteria.Select(c => c.Criterion).Distinct().ToList();

    private static object?[] Row(RankedSite s, IReadOnlyList<string> criteria)
    {
        var row = new List<object?> { s.Candidate.Id, s.Rank, s.Score is { } x ? Math.Round(x, 3) : null, s.Place?.Cells, s.Place is { } p ? Math.Round(p.AreaHa, 4) : null };
        row.AddRange(criteria.Select(name => (object?)s.Values.FirstOrDefault(v => v.Criterion == name)?.Value));
        row.Add(s.Place?.Why.Rendered);
        row.Add(s.ExcludedBecause?.Rendered);
        return [.. row];
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
