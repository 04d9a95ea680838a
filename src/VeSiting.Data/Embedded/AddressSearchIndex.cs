using VeSiting.Core.Domain;

namespace VeSiting.Data.Embedded;

/// <summary>Free-text address search over the in-memory addresses, ranked by <see cref="AddressMatching"/>.</summary>
internal sealed class AddressSearchIndex(IReadOnlyList<Address> addresses)
{
    private readonly (Address Address, string[] Words)[] _entries = addresses
        .Select(a => (a, AddressMatching.SearchKey(a).Split(' ')))
        .ToArray();

    public IReadOnlyList<Address> Search(string text, int limit) => AddressMatching.Rank(text, _entries, limit);
}
