using NetTopologySuite.IO;
using VeSiting.Data.Embedded;

namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// What <see cref="OsmReader"/> took from an OpenStreetMap file, kept beside it (<c>FILE.vesiting-extract</c>) in a compact
/// binary form, so that loading the data again reads the records in one sequential pass instead of decoding the whole
/// file (its 50 M node positions) again. The cache names the file's length and time of last change and the format
/// version; any difference, or a cache that cannot be read whole, and the file is read again (and the cache rewritten).
/// Coordinates are kept as the doubles the reader made, so the records read back are equal to the reader's.
/// Format 2 also keeps where the addresses and footprints lie (<see cref="OsmPlacement"/>, with the boundaries' edition it
/// was made against); a format 1 cache (without it) is not read but rebuilt from the file. Format 3 keeps each finding's
/// reason as code and values (<see cref="ReasonBinary"/>), so a cached report is written in the report's language; an
/// older cache is rebuilt.
/// </summary>
public static class OsmExtractCache
{
    public const string Suffix = ".vesiting-extract";
    private const string Magic = "VeSiting OSM extract";
    public const int FormatVersion = 3;

    /// <summary>
    /// The cached extract where it is current, else the file read with <see cref="OsmReader"/> (and cached when it has no
    /// errors). Given <paramref name="municipalities"/>, the extract is placed among them (<see cref="OsmPlacement"/>) unless
    /// the cache already holds that placement, and the placement is cached too.
    /// </summary>
    public static ImportResult<OsmExtract> ReadOrDecode(string path, string sourceId, IProgress<double>? progress = null, IReadOnlyList<AdminArea>? municipalities = null)
    {
        var boundaries = municipalities is null ? null : OsmPlacement.KeyOf(municipalities);
        if (TryRead(path, sourceId) is { } cached)
        {
            progress?.Report(1);
            if (boundaries is null || cached.Records.All(e => OsmPlacement.IsPlaced(e, boundaries)))
                return cached;
            var placed = Placed(cached, new AreaGrid(municipalities!), boundaries);
            TryWrite(path, placed);
            return placed;
        }
        // The records spilled beside the cache while the file is read (the reader gives back its node positions before
        // it reads them back, so the peak does not hold both) and placed as they are read back.
        var grid = municipalities is null ? null : new AreaGrid(municipalities);
        var result = new OsmReader().Read(path, sourceId, progress, Path.GetDirectoryName(Path.GetFullPath(path + Suffix)), grid, boundaries);
        OsmMemoryLog.Step("file read");
        if (result.HasErrors)
            return result;
        if (boundaries is not null && !result.Records.All(e => OsmPlacement.IsPlaced(e, boundaries)))
            result = Placed(result, grid!, boundaries);
        OsmMemoryLog.Step("placed");
        TryWrite(path, result);
        OsmMemoryLog.Step("cache written");
        return result;
    }

    private static ImportResult<OsmExtract> Placed(ImportResult<OsmExtract> result, AreaGrid grid, string boundaries)
    {
        return result with { Records = result.Records.Select(e => OsmPlacement.Place(e, grid, boundaries)).ToList() };
    }

    /// <summary>The cached extract, or null when there is none or it is not of this file as it is now.</summary>
    public static ImportResult<OsmExtract>? TryRead(string path, string sourceId)
    {
        var cachePath = path + Suffix;
        if (!File.Exists(cachePath))
            return null;
        try
        {
            using var stream = new FileStream(cachePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion || reader.ReadString() != Stamp(path))
                return null;
            return new Reader(reader, sourceId).Read();
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException or ParseException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the cache beside the file (atomically); a folder that cannot be written to leaves no cache, and no error.</summary>
    public static void TryWrite(string path, ImportResult<OsmExtract> result)
    {
        var cachePath = path + Suffix;
        var temporary = $"{cachePath}.{Guid.NewGuid():N}.partial";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(Stamp(path));
                new Writer(writer).Write(result);
            }
            File.Move(temporary, cachePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private static string Stamp(string path)
    {
        var info = new FileInfo(path);
        return $"{info.Name}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
    }

    /// <summary>The records, the placement and the issues, after the header; strings pooled across all of them.</summary>
    private sealed class Writer(BinaryWriter w)
    {
        private readonly OsmRecordWriter _records = new(w);

        public void Write(ImportResult<OsmExtract> result)
        {
            w.Write(result.Records.Count);
            foreach (var extract in result.Records)
            {
                w.Write(extract.Addresses.Count);
                foreach (var a in extract.Addresses)
                    _records.Address(a);
                w.Write(extract.Buildings.Count);
                foreach (var b in extract.Buildings)
                    _records.Building(b);
                w.Write(extract.Plants.Count);
                foreach (var p in extract.Plants)
                    _records.Plant(p);
                Placement(extract.Placement);
            }
            w.Write(result.Issues.Count);
            foreach (var issue in result.Issues)
            {
                w.Write((int)issue.Severity);
                _records.Pooled(issue.File);
                _records.Optional(issue.Row);
                _records.OptionalText(issue.Column);
                w.Write(issue.Reason);
                w.Write(issue.Because is not null);
                if (issue.Because is { } because)
                    ReasonBinary.Write(w, because);
                _records.OptionalText(issue.Sheet);
            }
        }

        private void Placement(OsmPlacement? placement)
        {
            w.Write(placement is not null);
            if (placement is null)
                return;
            w.Write(placement.Boundaries);
            w.Write(placement.Addresses);
            foreach (var code in placement.Buildings)
            {
                w.Write(code is not null);
                if (code is not null)
                    _records.Pooled(code);
            }
        }
    }

    /// <summary>
    /// Reads the records back. The source id and file name the records were cached under are replaced by the ones asked
    /// for now (the same file may be loaded as another source id).
    /// </summary>
    private sealed class Reader(BinaryReader r, string sourceId)
    {
        private readonly OsmRecordReader _records = new(r, sourceId);

        public ImportResult<OsmExtract> Read()
        {
            var extracts = new OsmExtract[r.ReadInt32()];
            for (var e = 0; e < extracts.Length; e++)
            {
                var addresses = new Address[r.ReadInt32()];
                for (var i = 0; i < addresses.Length; i++)
                    addresses[i] = _records.Address();
                var buildings = new Building[r.ReadInt32()];
                for (var i = 0; i < buildings.Length; i++)
                    buildings[i] = _records.Building();
                var plants = new OsmPlant[r.ReadInt32()];
                for (var i = 0; i < plants.Length; i++)
                    plants[i] = _records.Plant();
                extracts[e] = new OsmExtract(addresses, buildings, plants) { Placement = Placement(addresses.Length, buildings.Length) };
            }
            var issues = new ImportIssue[r.ReadInt32()];
            for (var i = 0; i < issues.Length; i++)
            {
                var (severity, file, row, column, text) = ((ImportIssueSeverity)r.ReadInt32(), _records.Pooled(), _records.OptionalInt(), _records.OptionalText(), r.ReadString());
                issues[i] = r.ReadBoolean()
                    ? new ImportIssue(severity, file, row, column, ReasonBinary.Read(r), _records.OptionalText())
                    : new ImportIssue(severity, file, row, column, text, _records.OptionalText());
            }
            return new ImportResult<OsmExtract>(extracts, issues);
        }

        private OsmPlacement? Placement(int addresses, int buildings)
        {
            if (!r.ReadBoolean())
                return null;
            var boundaries = r.ReadString();
            var how = r.ReadBytes(addresses);
            if (how.Length != addresses)
                throw new EndOfStreamException();
            var codes = new string?[buildings];
            for (var i = 0; i < codes.Length; i++)
                codes[i] = r.ReadBoolean() ? _records.Pooled() : null;
            return new OsmPlacement(boundaries, how, codes);
        }
    }
}
