namespace VeSiting.Data.Embedded;

/// <summary>
/// Free-text address search over the in-memory addresses, ranked by <see cref="AddressMatching"/>. Words are shared
/// between the addresses that repeat them (street, postcode, town, house numbers), so the national file's index holds
/// each distinct word once.
/// </summary>
internal sealed class AddressSearchIndex
{
    private readonly (Address Address, string[] Words)[] _entries;

    public AddressSearchIndex(IReadOnlyList<Address> addresses)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        _entries = new (Address, string[])[addresses.Count];
        for (var i = 0; i < _entries.Length; i++)
        {
            var split = AddressMatching.SearchKey(addresses[i]).Split(' ');
            for (var w = 0; w < split.Length; w++)
                split[w] = words.TryGetValue(split[w], out var shared) ? shared : words[split[w]] = split[w];
            _entries[i] = (addresses[i], split);
        }
    }

    public IReadOnlyList<Address> Search(string text, int limit) => AddressMatching.Rank(text, _entries, limit);
}
