using System.Diagnostics;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NpgsqlTypes;
using VeSiting.Core.Domain;
using VeSiting.Stores.PostGis.Migrations;

namespace VeSiting.Stores.PostGis.Import;

/// <summary>
/// Loads a <see cref="DataSet"/> into PostGIS with binary COPY, all tables in one transaction per data version:
/// readers keep seeing the previous version until the commit, and a failed, cancelled or killed import
/// leaves it intact. Row counts are checked against the data set before the commit.
/// </summary>
public sealed class PostGisImporter(NpgsqlDataSource dataSource)
{
    /// <summary>Serialises imports; distinct from the migration lock.</summary>
    private const long ImportLockKey = 0x5665_496d_7074;
    private const int ProgressEvery = 2_000;

    public async Task<ImportSummary> ImportAsync(DataSet data, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var schema = await new MigrationRunner(dataSource).CurrentVersionAsync(cancellationToken);
        if (schema != MigrationRunner.LatestVersion)
            throw new StoreNotReadyException(
                $"The database at {PostGisConnection.Describe(dataSource.ConnectionString)} has schema version {schema}, this VeSiting needs {MigrationRunner.LatestVersion}: run `vesiting db migrate` first.");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", ImportLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var expected = new Dictionary<string, long>
        {
            ["plants"] = await CopyAsync(connection, "plants", PlantColumns, data.Plants, WritePlant, progress, cancellationToken),
            ["addresses"] = await AddressTableLoad.CopyAsync(connection, data.Addresses, progress, cancellationToken),
            ["buildings"] = await SwappedTableLoad.CopyAsync(connection, "buildings", BuildingColumns, data.Buildings.Count, (w, i) => WriteBuilding(w, data.Buildings[i]), progress, cancellationToken),
            ["admin_areas"] = await CopyAsync(connection, "admin_areas", AreaColumns, [.. data.Municipalities, .. data.Regions, .. data.PostCodes], WriteArea, progress, cancellationToken),
            ["population"] = await CopyAsync(connection, "population", PopulationColumns, data.Population, WritePopulation, progress, cancellationToken),
            ["district_heating"] = await CopyAsync(connection, "district_heating", HeatColumns, data.DistrictHeating, WriteHeat, progress, cancellationToken),
            ["noise_areas"] = await CopyAsync(connection, "noise_areas", NoiseAreaColumns, data.NoiseAreas, WriteNoiseArea, progress, cancellationToken),
            ["firms"] = await CopyAsync(connection, "firms", FirmColumns, data.Firms, WriteFirm, progress, cancellationToken),
        };

        var counted = new Dictionary<string, long>();
        foreach (var table in expected.Keys)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection, transaction);
            counted[table] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            if (counted[table] != expected[table])
                throw new InvalidOperationException($"Import check failed: {table} holds {counted[table]} rows after loading, expected {expected[table]}; nothing was committed.");
        }

        await using (var version = new NpgsqlCommand("""
            INSERT INTO data_version (singleton, id, loaded_at, attributions, row_counts)
            VALUES (true, @id, @loaded_at, @attributions, @row_counts)
            ON CONFLICT (singleton) DO UPDATE SET id = excluded.id, loaded_at = excluded.loaded_at,
                attributions = excluded.attributions, row_counts = excluded.row_counts
            """, connection, transaction))
        {
            version.Parameters.AddWithValue("id", data.Version.Id);
            version.Parameters.AddWithValue("loaded_at", DateTimeOffset.UtcNow);
            version.Parameters.Add(new NpgsqlParameter("attributions", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(data.Attributions) });
            version.Parameters.Add(new NpgsqlParameter("row_counts", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(counted) });
            await version.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        await using (var analyze = new NpgsqlCommand("ANALYZE plants, addresses, buildings, admin_areas, population, district_heating, noise_areas, firms", connection))
            await analyze.ExecuteNonQueryAsync(CancellationToken.None);
        return new ImportSummary(data.Version.Id, counted, clock.Elapsed);
    }

    private static async Task<long> CopyAsync<T>(NpgsqlConnection connection, string table, string columns, IReadOnlyList<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        // DELETE, not TRUNCATE: TRUNCATE would lock readers out until the commit.
        await using (var delete = new NpgsqlCommand($"DELETE FROM {table}", connection))
            await delete.ExecuteNonQueryAsync(cancellationToken);
        progress?.Report(new ImportProgress(table, 0, rows.Count));
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                await importer.StartRowAsync(cancellationToken);
                await write(importer, rows[i], cancellationToken);
                if ((i + 1) % ProgressEvery == 0)
                    progress?.Report(new ImportProgress(table, i + 1, rows.Count));
            }
            await importer.CompleteAsync(cancellationToken);
        }
        progress?.Report(new ImportProgress(table, rows.Count, rows.Count));
        return rows.Count;
    }

    private const string SourceColumns = "source_id, source_file, source_row";

    private const string PlantColumns =
        "id, kind, status, name, capacity_kw, hub_height_m, rotor_diameter_m, siting, municipality_code, municipality_name, connected_on, decommissioned_on, "
        + "permit_date, manufacturer, model, technology, annual_production_kwh, source_id, source_file, source_sheet, source_row, geom, "
        + "project_id, project_basis, permit_date_source, connected_on_precision, acoustics";

    private static async Task WritePlant(NpgsqlBinaryImporter w, Plant p, CancellationToken ct)
    {
        await w.WriteAsync(p.Id, NpgsqlDbType.Text, ct);
        await w.WriteAsync(p.Kind.ToString(), NpgsqlDbType.Text, ct);
        await w.WriteAsync(p.Status.ToString(), NpgsqlDbType.Text, ct);
        await Nullable(w, p.Name, NpgsqlDbType.Text, ct);
        await Nullable(w, p.CapacityKw, NpgsqlDbType.Double, ct);
        await Nullable(w, p.HubHeightM, NpgsqlDbType.Double, ct);
        await Nullable(w, p.RotorDiameterM, NpgsqlDbType.Double, ct);
        await w.WriteAsync(p.Siting.ToString(), NpgsqlDbType.Text, ct);
        await Nullable(w, p.MunicipalityCode, NpgsqlDbType.Integer, ct);
        await Nullable(w, p.MunicipalityName, NpgsqlDbType.Text, ct);
        await Nullable(w, p.ConnectedOn, NpgsqlDbType.Date, ct);
        await Nullable(w, p.DecommissionedOn, NpgsqlDbType.Date, ct);
        await Nullable(w, p.PermitDate, NpgsqlDbType.Date, ct);
        await Nullable(w, p.Manufacturer, NpgsqlDbType.Text, ct);
        await Nullable(w, p.Model, NpgsqlDbType.Text, ct);
        await Nullable(w, p.Technology, NpgsqlDbType.Text, ct);
        await w.WriteAsync(JsonSerializer.Serialize(p.AnnualProductionKwh), NpgsqlDbType.Jsonb, ct);
        await w.WriteAsync(p.Origin.SourceId, NpgsqlDbType.Text, ct);
        await w.WriteAsync(p.Origin.File, NpgsqlDbType.Text, ct);
        await Nullable(w, p.Origin.Sheet, NpgsqlDbType.Text, ct);
        await w.WriteAsync(p.Origin.Row, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(p.Geometry, NpgsqlDbType.Geometry, ct);
        await Nullable(w, p.ProjectId, NpgsqlDbType.Text, ct);
        await Nullable(w, p.ProjectBasis?.ToString(), NpgsqlDbType.Text, ct);
        await Nullable(w, p.PermitDateSource, NpgsqlDbType.Text, ct);
        await w.WriteAsync(p.ConnectedOnPrecision.ToString(), NpgsqlDbType.Text, ct);
        await Nullable(w, PlantAcousticsJson.Write(p.Acoustics), NpgsqlDbType.Jsonb, ct);
    }

    private const string NoiseAreaColumns = "id, category, kind, name, " + SourceColumns + ", geom";

    private static async Task WriteNoiseArea(NpgsqlBinaryImporter w, Core.Noise.NoiseAreaPolygon a, CancellationToken ct)
    {
        await w.WriteAsync(a.Id, NpgsqlDbType.Text, ct);
        await w.WriteAsync(a.Category, NpgsqlDbType.Text, ct);
        await w.WriteAsync(a.Kind.ToString(), NpgsqlDbType.Text, ct);
        await Nullable(w, a.Name, NpgsqlDbType.Text, ct);
        await WriteOrigin(w, a.Origin, ct);
        await w.WriteAsync(a.Geometry, NpgsqlDbType.Geometry, ct);
    }

    private const string FirmColumns = "id, name, cvr, annual_kwh, " + SourceColumns + ", geom";

    private static async Task WriteFirm(NpgsqlBinaryImporter w, Firm f, CancellationToken ct)
    {
        await w.WriteAsync(f.Id, NpgsqlDbType.Text, ct);
        await w.WriteAsync(f.Name, NpgsqlDbType.Text, ct);
        await Nullable(w, f.Cvr, NpgsqlDbType.Text, ct);
        await w.WriteAsync(f.AnnualKwh, NpgsqlDbType.Double, ct);
        await WriteOrigin(w, f.Origin, ct);
        await w.WriteAsync((Geometry)f.Position, NpgsqlDbType.Geometry, ct);
    }

    private const string BuildingColumns = "id, bbr_id, building_type, " + SourceColumns + ", geom";

    private static void WriteBuilding(NpgsqlBinaryImporter w, Building b)
    {
        w.Write(b.Id, NpgsqlDbType.Text);
        if (b.BbrId is null)
            w.WriteNull();
        else
            w.Write(b.BbrId, NpgsqlDbType.Text);
        w.Write(b.BuildingType, NpgsqlDbType.Text);
        var origin = b.Origin;
        w.Write(origin.SourceId, NpgsqlDbType.Text);
        w.Write(origin.File, NpgsqlDbType.Text);
        w.Write(origin.Row, NpgsqlDbType.Integer);
        w.Write(b.Footprint, NpgsqlDbType.Geometry);
    }

    private const string AreaColumns = "kind, code, name, " + SourceColumns + ", geom";

    private static async Task WriteArea(NpgsqlBinaryImporter w, AdminArea a, CancellationToken ct)
    {
        await w.WriteAsync(a.Kind.ToString(), NpgsqlDbType.Text, ct);
        await w.WriteAsync(a.Code, NpgsqlDbType.Text, ct);
        await w.WriteAsync(a.Name, NpgsqlDbType.Text, ct);
        await WriteOrigin(w, a.Origin, ct);
        await w.WriteAsync(a.Geometry, NpgsqlDbType.Geometry, ct);
    }

    private const string PopulationColumns = "municipality_code, municipality_name, period, population, " + SourceColumns;

    private static async Task WritePopulation(NpgsqlBinaryImporter w, MunicipalityPopulation p, CancellationToken ct)
    {
        await w.WriteAsync(p.MunicipalityCode, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(p.MunicipalityName, NpgsqlDbType.Text, ct);
        await w.WriteAsync(p.Period, NpgsqlDbType.Text, ct);
        await w.WriteAsync(p.Population, NpgsqlDbType.Bigint, ct);
        await WriteOrigin(w, p.Origin, ct);
    }

    private const string HeatColumns = "id, name, main_fuel, supply_area_km2, " + SourceColumns + ", geom";

    private static async Task WriteHeat(NpgsqlBinaryImporter w, DistrictHeatingPlant h, CancellationToken ct)
    {
        await w.WriteAsync(h.Id, NpgsqlDbType.Text, ct);
        await w.WriteAsync(h.Name, NpgsqlDbType.Text, ct);
        await Nullable(w, h.MainFuel, NpgsqlDbType.Text, ct);
        await Nullable(w, h.SupplyAreaKm2, NpgsqlDbType.Double, ct);
        await WriteOrigin(w, h.Origin, ct);
        await w.WriteAsync((Geometry)h.Position, NpgsqlDbType.Geometry, ct);
    }

    private static async Task WriteOrigin(NpgsqlBinaryImporter w, RecordOrigin origin, CancellationToken ct)
    {
        await w.WriteAsync(origin.SourceId, NpgsqlDbType.Text, ct);
        await w.WriteAsync(origin.File, NpgsqlDbType.Text, ct);
        await w.WriteAsync(origin.Row, NpgsqlDbType.Integer, ct);
    }

    private static Task Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type, CancellationToken ct) where T : class =>
        value is null ? w.WriteNullAsync(ct) : w.WriteAsync(value, type, ct);

    private static Task Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? w.WriteAsync(v, type, ct) : w.WriteNullAsync(ct);
}
