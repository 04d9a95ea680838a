using PdfSharp.Fonts;

namespace VeSiting.Reports.Pdf;

/// <summary>
/// PDFsharp finds no fonts on Linux by itself: every family it asks for is answered with DejaVu Sans (Debian's
/// fonts-dejavu-core, which has æ, ø, å and every other Danish letter), regular or bold; italic is simulated (the
/// oblique faces are in fonts-dejavu-extra, not core).
/// The folder is <c>VESITING_FONTS</c> when set, else Debian's.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string DebianFolder = "/usr/share/fonts/truetype/dejavu";
    private static readonly object Gate = new();

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["DejaVuSans"] = "DejaVuSans.ttf",
        ["DejaVuSans-Bold"] = "DejaVuSans-Bold.ttf",
    };

    private readonly string _folder;

    private DejaVuFontResolver(string folder) => _folder = folder;

    /// <summary>Makes this PDFsharp's font resolver for the process (once; PDFsharp allows one).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is DejaVuFontResolver)
                return;
            var folder = Environment.GetEnvironmentVariable("VESITING_FONTS") is { Length: > 0 } configured ? configured : DebianFolder;
            if (!File.Exists(Path.Combine(folder, Files["DejaVuSans"])))
                throw new InvalidOperationException($"no DejaVu Sans in {folder}: install Debian's fonts-dejavu-core (or set VESITING_FONTS to a folder holding DejaVuSans.ttf)");
            GlobalFontSettings.FontResolver = new DejaVuFontResolver(folder);
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[]? GetFont(string faceName) =>
        Files.TryGetValue(faceName, out var file) ? File.ReadAllBytes(Path.Combine(_folder, file)) : null;
}
