using System.IO.Compression;

namespace VeSiting.Data.Importers;

/// <summary>
/// Looks at a workbook before a spreadsheet reader unpacks it: a password-protected workbook (an OLE compound file
/// holding EncryptionInfo and EncryptedPackage) is refused with that reason, and an .xlsx whose zip declares more
/// than the limits (total size, number of parts, compression ratio of a large part: a zip bomb) is refused before
/// anything is decompressed. The real ENS register unpacks to 23 MB with ratios of at most about 10.
/// </summary>
public static class WorkbookGuard
{
    public const long DefaultMaxUncompressedBytes = 512L * 1024 * 1024;
    public const int MaxParts = 10_000;
    public const double MaxRatio = 100;
    private const long RatioCheckedAboveBytes = 1024 * 1024;

    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] EncryptionInfoName = Encoding.Unicode.GetBytes("EncryptionInfo");

    /// <summary>Throws <see cref="ImportFailedException"/> naming the file if the workbook is encrypted or a zip bomb; leaves the stream at its start.</summary>
    public static void Check(Stream stream, string fileName, string sourceId, long maxUncompressedBytes = DefaultMaxUncompressedBytes)
    {
        if (!stream.CanSeek)
            throw new ArgumentException("the workbook stream must be seekable", nameof(stream));
        var start = stream.Position;
        try
        {
            var head = new byte[8];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            stream.Position = start;
            if (read == head.Length && head.AsSpan().SequenceEqual(CompoundFileSignature))
            {
                if (IsEncryptedPackage(stream))
                    throw new ImportFailedException(sourceId, fileName, "the workbook is password-protected (encrypted); save it again without a password and import that copy");
                return; // A legacy .xls: the reader handles it.
            }
            if (read >= 2 && head[0] == (byte)'P' && head[1] == (byte)'K')
                CheckZip(stream, fileName, sourceId, maxUncompressedBytes);
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static void CheckZip(Stream stream, string fileName, string sourceId, long maxUncompressedBytes)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return; // Not a readable zip: the reader reports it as not a readable workbook.
        }
        using (zip)
        {
            if (zip.Entries.Count > MaxParts)
                throw Bomb(sourceId, fileName, $"{zip.Entries.Count:N0} parts (at most {MaxParts:N0})");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > maxUncompressedBytes)
                    throw Bomb(sourceId, fileName, $"it unpacks to more than {maxUncompressedBytes:N0} bytes");
                if (entry.Length > RatioCheckedAboveBytes && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength))
                    throw Bomb(sourceId, fileName, $"part {entry.FullName} unpacks {entry.CompressedLength:N0} bytes to {entry.Length:N0} (more than {MaxRatio:0}×)");
            }
        }
    }

    private static ImportFailedException Bomb(string sourceId, string fileName, string why) =>
        new(sourceId, fileName, $"refused as a possible zip bomb: {why}");

    /// <summary>Whether the compound file's directory names an EncryptionInfo stream (MS-OFFCRYPTO).</summary>
    private static bool IsEncryptedPackage(Stream stream)
    {
        // Directory entry names are UTF-16; encrypted workbooks are small containers, so a bounded scan suffices.
        var buffer = new byte[(int)Math.Min(stream.Length - stream.Position, 4 * 1024 * 1024)];
        stream.ReadExactly(buffer);
        return buffer.AsSpan().IndexOf(EncryptionInfoName) >= 0;
    }
}
