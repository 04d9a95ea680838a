using System.Globalization;
using VeSiting.Api.Hosting;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Core.Synthetic;

namespace VeSiting.Api.Endpoints;

/// <summary>Batch classification: every dwelling's nearest covered plant and scheme ring, streamed as CSV.</summary>
public static class ClassifyEndpoints
{
    public static void MapClassify(this WebApplication app) =>
        app.MapGet("/api/classify", Classify).WithTags("Assessments")
            .WithSummary("Every dwelling's nearest covered plant and scheme ring, streamed as CSV")
            .WithDescription("`municipality` (code) narrows to one municipality; `synthetic=true` classifies the synthetic national set (≈ 2.8 million, labelled synthetic). Example: `/api/classify?municipality=326`.")
            .RequireRateLimiting(ServiceSetup.ExpensivePolicy);

    private static async Task Classify(HttpContext http, ServiceData data, int? municipality, bool? synthetic, CancellationToken cancellationToken)
    {
        var store = data.Store;
        var context = data.Context();
        var classifier = new DwellingClassifier(await store.ListPlantsAsync(PlantFilter.Any, cancellationToken), data.Rules.Rules, context.Today);
        IEnumerable<(string, double, double)> dwellings;
        if (synthetic == true)
        {
            var (xs, ys, codes) = SyntheticDwellings.Generate(await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken), await store.ListPopulationAsync(cancellationToken));
            dwellings = Enumerable.Range(0, xs.Length).Where(i => municipality is not { } m || codes[i] == m).Select(i => ($"{SyntheticDwellings.IdPrefix}{i}", xs[i], ys[i]));
        }
        else
        {
            var extent = new NetTopologySuite.Geometries.Envelope();
            foreach (var area in await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken))
                extent.ExpandToInclude(area.Geometry.EnvelopeInternal);
            var sites = await store.SitesWithinAsync(GeometryTransforms.FactoryFor(Epsg.Utm32).ToGeometry(extent), 0, cancellationToken);
            dwellings = sites.Addresses.Select(a => a.Address).Where(a => municipality is not { } m || a.MunicipalityCode == m).Select(a => (a.Id, a.Position.X, a.Position.Y));
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=dwellings.csv";
        await using var writer = new StreamWriter(http.Response.Body, bufferSize: 1 << 16);
        await writer.WriteLineAsync("id,e,n,nearest_plant,distance_m,multiple_of_h,ring" + (synthetic == true ? ",synthetic" : ""));
        foreach (var d in classifier.Classify(dwellings))
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{d.Id},{d.E:0.00},{d.N:0.00},{d.PlantId},{(double.IsFinite(d.DistanceM) ? d.DistanceM.ToString("0.00", CultureInfo.InvariantCulture) : "")},{d.MultipleOfH:0.###},{d.Ring}{(synthetic == true ? ",true" : "")}"));
        }
    }
}
