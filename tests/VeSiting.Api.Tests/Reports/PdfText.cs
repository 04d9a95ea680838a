using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VeSiting.Api.Tests.Reports;

/// <summary>A PDF's text as poppler's pdftotext reads it (layout kept, so a row stays on one line), whitespace collapsed.</summary>
public static partial class PdfText
{
    public static string Extract(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {process.StandardError.ReadToEnd()}");
            return Collapse(text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Page count as pdfinfo reads it.</summary>
    public static int Pages(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            var start = new ProcessStartInfo("pdfinfo", [file]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var info = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return int.Parse(PagesLine().Match(info).Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string Collapse(string text) => Whitespace().Replace(text, " ");

    /// <summary>A figure as the English report writes it (en-GB, at most two decimals, thousands grouped).</summary>
    public static string En(double value) => value.ToString("#,0.##", CultureInfo.GetCultureInfo("en-GB"));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
