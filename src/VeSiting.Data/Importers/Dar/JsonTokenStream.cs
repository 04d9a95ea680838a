namespace VeSiting.Data.Importers.Dar;

/// <summary>
/// A JSON file read token by token with <see cref="Utf8JsonReader"/> over a refilled buffer, so a file of any size is read
/// in bounded memory (the buffer grows only to the longest single token). Property names are matched against a fixed
/// set of known names without making strings; string values are made only when asked for.
/// </summary>
internal sealed class JsonTokenStream : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[][] _knownNames;
    private readonly string[] _known;
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });

    public JsonTokenStream(Stream stream, IEnumerable<string> knownNames)
    {
        _stream = stream;
        _known = knownNames.ToArray();
        _knownNames = _known.Select(Encoding.UTF8.GetBytes).ToArray();
        Fill();
        // A UTF-8 byte order mark is allowed before the value.
        if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF)
            _start += 3;
    }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>For a property name: the known name it equals, or null. For a string value read with text: its text.</summary>
    public string? Text { get; private set; }

    /// <summary>Bytes of the file consumed so far (for progress).</summary>
    public long Position => _stream.Position - (_end - _start);

    /// <summary>Reads the next token; a string value's text is made only when <paramref name="withText"/>. False at the end.</summary>
    public bool Read(bool withText = false)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                TokenType = reader.TokenType;
                Text = reader.TokenType switch
                {
                    JsonTokenType.PropertyName => KnownName(ref reader),
                    JsonTokenType.String when withText => reader.GetString(),
                    JsonTokenType.Number when withText => Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                };
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return true;
            }
            if (_final)
                return false;
            Fill();
        }
    }

    /// <summary>Skips the value after a property name (a scalar, or a whole object or array).</summary>
    public void SkipValue()
    {
        Read();
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return;
        var depth = 1;
        while (depth > 0 && Read())
        {
            if (TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                depth++;
            else if (TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                depth--;
        }
    }

    private string? KnownName(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _knownNames.Length; i++)
        {
            if (reader.ValueTextEquals(_knownNames[i]))
                return _known[i];
        }
        return null;
    }

    /// <summary>Keeps the unread bytes, grows the buffer when they fill it, and reads more of the file.</summary>
    private void Fill()
    {
        var unread = _end - _start;
        if (unread == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        (_start, _end) = (0, unread);
        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _final = true;
                break;
            }
            _end += read;
        }
    }

    public void Dispose() => _stream.Dispose();
}
