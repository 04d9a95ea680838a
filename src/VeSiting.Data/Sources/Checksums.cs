using System.Security.Cryptography;

namespace VeSiting.Data.Sources;

internal static class Checksums
{
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static bool Matches(string path, string expectedSha256) =>
        File.Exists(path) && string.Equals(Sha256Of(path), expectedSha256, StringComparison.OrdinalIgnoreCase);
}
