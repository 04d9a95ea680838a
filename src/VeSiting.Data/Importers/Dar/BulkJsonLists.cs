namespace VeSiting.Data.Importers.Dar;

/// <summary>
/// Datafordeleren's bulk downloads (DAR, BBR): one JSON object whose members are entity lists of flat items, streamed
/// token by token. Lists not asked for are skipped unread; an item member that is an object or a list is refused naming
/// the list and the item's place in it.
/// </summary>
internal static class BulkJsonLists
{
    /// <summary>
    /// Calls <paramref name="item"/> with the list's name, the item's place in it (from 1), its fields (reused between
    /// calls) and how many bytes of the file have been read.
    /// </summary>
    public static void Read(string path, string sourceId, string what, IReadOnlyCollection<string> lists, IEnumerable<string> fields,
        Action<string, int, Dictionary<string, string?>, long> item)
    {
        var file = Path.GetFileName(path);
        try
        {
            using var json = new JsonTokenStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), [.. lists, .. fields]);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
                throw new ImportFailedException(sourceId, file, $"not a {what}: the file does not hold one JSON object");
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var list = json.Text;
                if (list is null || !lists.Contains(list))
                {
                    json.SkipValue();
                    continue;
                }
                if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
                    throw new ImportFailedException(sourceId, file, $"{list} is not a list");
                var index = 0;
                while (json.Read() && json.TokenType == JsonTokenType.StartObject)
                {
                    index++;
                    values.Clear();
                    while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                    {
                        if (json.Text is not { } name)
                        {
                            json.SkipValue();
                            continue;
                        }
                        json.Read(withText: true);
                        if (json.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                            throw new ImportFailedException(sourceId, file, $"{list} item {index}: '{name}' is not a single value");
                        values[name] = json.TokenType == JsonTokenType.Null ? null : json.Text;
                    }
                    item(list, index, values, json.Position);
                }
            }
        }
        catch (JsonException e)
        {
            throw new ImportFailedException(sourceId, file, $"not valid JSON: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportFailedException(sourceId, file, $"cannot read: {e.Message}", e);
        }
    }
}
