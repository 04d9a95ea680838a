using System.IO.Compression;
using VeSiting.Core.Importing;
using VeSiting.Data.Importers;
using VeSiting.Data.Importers.Ens;
using VeSiting.Data.Tests.Importers.Ens;

namespace VeSiting.Data.Tests.Importers;

/// <summary>Password-protected workbooks and zip bombs are refused before the spreadsheet reader unpacks them.</summary>
public sealed class WorkbookGuardTests
{
    private static ImportFailedException ReadFails(byte[] workbook) =>
        Assert.Throws<ImportFailedException>(() => new EnsWindRegisterReader().Read(new MemoryStream(workbook), "register.xlsx", "ens"));

    private static byte[] Zip(params (string Name, byte[] Content)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public void A_password_protected_workbook_is_refused_with_that_reason()
    {
        // Made by Fixtures/Encrypted/make_encrypted_xlsx.py (ECMA-376 Agile, password "vesiting"); msoffcrypto-tool decrypts it.
        var encrypted = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Encrypted", "encrypted.xlsx"));
        var e = ReadFails(encrypted);
        Assert.Contains("register.xlsx", e.Message);
        Assert.Contains("password-protected", e.Message);
    }

    [Fact]
    public void A_part_that_unpacks_a_thousand_fold_is_refused_as_a_zip_bomb()
    {
        // 20 MiB of zeros deflate to about 20 KiB: a ratio near 1,000, far above the real register's 10.
        var bomb = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("xl/worksheets/sheet1.xml", new byte[20 * 1024 * 1024]));
        Assert.True(bomb.Length < 200_000);
        var e = ReadFails(bomb);
        Assert.Contains("zip bomb", e.Message);
        Assert.Contains("xl/worksheets/sheet1.xml", e.Message);
        Assert.Contains("20,971,520", e.Message);
    }

    [Fact]
    public void A_workbook_declaring_more_than_the_size_limit_is_refused()
    {
        var workbook = EnsWorkbooks.Standard2022();
        var e = Assert.Throws<ImportFailedException>(() => WorkbookGuard.Check(new MemoryStream(workbook), "register.xlsx", "ens", maxUncompressedBytes: 1_000));
        Assert.Contains("more than 1,000 bytes", e.Message);
        // The same workbook within the default limit passes, and the stream is left at its start for the reader.
        using var stream = new MemoryStream(workbook);
        WorkbookGuard.Check(stream, "register.xlsx", "ens");
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void A_zip_of_too_many_parts_is_refused()
    {
        var parts = Enumerable.Range(0, WorkbookGuard.MaxParts + 1).Select(i => ($"xl/p{i}.xml", Array.Empty<byte>())).ToArray();
        var e = ReadFails(Zip(parts));
        Assert.Contains("10,001 parts", e.Message);
    }
}
