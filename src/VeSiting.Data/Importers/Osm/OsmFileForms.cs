using System.IO.Compression;
using ICSharpCode.SharpZipLib.BZip2;
using OsmSharp.Streams;

namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// The four forms an OpenStreetMap file comes in, told apart by their first bytes (not by the name, which uploads may
/// lose): PBF (<c>.osm.pbf</c>), XML (<c>.osm</c>), bzip2-compressed XML (<c>.osm.bz2</c>) and a zip holding one
/// <c>.osm</c> file (<c>.osm.zip</c>).
/// </summary>
internal static class OsmFileForms
{
    public enum Form { Pbf, Xml, Bzip2Xml, ZipXml }

    public static string Describe(Form form) => form switch
    {
        Form.Pbf => "PBF",
        Form.Xml => "XML",
        Form.Bzip2Xml => "bzip2-compressed XML",
        _ => "zipped XML",
    };

    public static Form Detect(string path)
    {
        Span<byte> head = stackalloc byte[16];
        int read;
        using (var probe = File.OpenRead(path))
            read = probe.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (read >= 2 && head[0] == (byte)'P' && head[1] == (byte)'K')
            return Form.ZipXml;
        if (read >= 3 && head[0] == (byte)'B' && head[1] == (byte)'Z' && head[2] == (byte)'h')
            return Form.Bzip2Xml;
        var text = System.Text.Encoding.ASCII.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n', (char)0xEF, (char)0xBB, (char)0xBF);
        if (text.StartsWith('<'))
            return Form.Xml;
        // A PBF file starts with the 4-byte length of its first BlobHeader, whose type is "OSMHeader".
        if (read >= 6 && head[0] == 0 && head[1] == 0)
            return Form.Pbf;
        throw new InvalidDataException("not an OpenStreetMap file: expected PBF (.osm.pbf), XML (.osm), bzip2-compressed XML (.osm.bz2) or a zip holding one .osm file");
    }

    /// <summary>
    /// The file and everything to dispose with it: PBF is read by <see cref="Pbf.PbfFile"/> (blocks decoded in parallel),
    /// the XML forms by OsmSharp's element stream (<see cref="OpenedFile.Source"/>); <c>Position</c> tells how far the
    /// underlying file has been read.
    /// </summary>
    public static OpenedFile Open(string path)
    {
        var form = Detect(path);
        var file = File.OpenRead(path);
        try
        {
            switch (form)
            {
                case Form.Pbf:
                    return new OpenedFile(form, null, file, [file]);
                case Form.Xml:
                    return new OpenedFile(form, new XmlOsmStreamSource(file), file, [file]);
                case Form.Bzip2Xml:
                    var bz = new BZip2InputStream(file);
                    return new OpenedFile(form, new XmlOsmStreamSource(bz), file, [bz, file]);
                default:
                    var zip = new ZipArchive(file, ZipArchiveMode.Read);
                    var entries = zip.Entries.Where(e => e.Length > 0 && !e.FullName.EndsWith('/')).ToList();
                    if (entries.Count != 1 || !entries[0].Name.EndsWith(".osm", StringComparison.OrdinalIgnoreCase))
                        throw new InvalidDataException($"a zip of OpenStreetMap data must hold exactly one .osm file; this one holds {string.Join(", ", entries.Select(e => e.FullName).DefaultIfEmpty("nothing"))}");
                    var entry = entries[0].Open();
                    return new OpenedFile(form, new XmlOsmStreamSource(entry), file, [entry, zip, file]);
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public sealed class OpenedFile(Form form, OsmStreamSource? source, FileStream file, IReadOnlyList<IDisposable> resources) : IDisposable
    {
        public Form Form { get; } = form;

        /// <summary>The XML forms' element stream; null for PBF.</summary>
        public OsmStreamSource? Source { get; } = source;

        /// <summary>The PBF file's parallel block reader; null for the XML forms.</summary>
        public Pbf.PbfFile? Pbf { get; } = form == Form.Pbf ? new Pbf.PbfFile(file) : null;
        public long Length => file.Length;

        /// <summary>Bytes of the file read so far (for progress).</summary>
        public long Position => file.CanSeek ? file.Position : 0;

        public void Dispose()
        {
            foreach (var resource in resources)
                resource.Dispose();
        }
    }
}
