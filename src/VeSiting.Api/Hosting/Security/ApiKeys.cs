using System.Security.Cryptography;
using System.Text;

namespace VeSiting.Api.Hosting.Security;

/// <summary>
/// The configured API keys, held only as SHA-256 hashes and compared in constant time. A key is configured either
/// as itself (at least <see cref="MinimumLength"/> characters) or as <c>sha256:&lt;64 hex digits&gt;</c>, so that
/// the configuration need not hold the key at all.
/// </summary>
public sealed class ApiKeys
{
    public const int MinimumLength = 16;
    private const string HashPrefix = "sha256:";
    private readonly byte[][] _hashes;

    public ApiKeys(IEnumerable<string> configured)
    {
        _hashes = configured.Where(k => !string.IsNullOrWhiteSpace(k)).Select((k, i) => Parse(k.Trim(), i)).ToArray();
    }

    public bool AnyConfigured => _hashes.Length > 0;

    public bool Accepts(string presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var accepted = false;
        // Every configured key is compared, so the time taken does not tell which one nearly matched.
        foreach (var configured in _hashes)
            accepted |= CryptographicOperations.FixedTimeEquals(hash, configured);
        return accepted;
    }

    private static byte[] Parse(string key, int index)
    {
        if (key.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var hex = key[HashPrefix.Length..];
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
                throw new InvalidOperationException($"VeSiting:ApiKeys:{index}: a hashed key is 'sha256:' followed by 64 hex digits");
            return Convert.FromHexString(hex);
        }
        if (key.Length < MinimumLength)
            throw new InvalidOperationException($"VeSiting:ApiKeys:{index}: a key needs at least {MinimumLength} characters");
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }
}
