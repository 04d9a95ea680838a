namespace VeSiting.Stores.PostGis;

/// <summary>A secret kept in a file of its own (Docker's /run/secrets, a Kubernetes secret volume): its text without the trailing line break.</summary>
public static class SecretFile
{
    /// <summary>The secret in <paramref name="path"/>; <paramref name="setting"/> names the setting in the error when the file is missing or empty.</summary>
    public static string Read(string path, string setting)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}: cannot read the secret file {path}: {e.Message}", e);
        }
        var secret = text.TrimEnd('\r', '\n');
        if (secret.Length == 0)
            throw new InvalidOperationException($"{setting}: the secret file {path} is empty");
        return secret;
    }
}
