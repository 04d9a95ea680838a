namespace VeSiting.Data.Importers.Dar;

/// <summary>
/// Which access address each unit address belongs to (unit address id → access address id), kept from the address
/// data only when BBR units are loaded. DAR ids are UUIDs, kept as 16-byte keys (the national file has ≈ 3.5 M unit
/// addresses); any other id is kept as text. Access address ids are the strings the addresses themselves keep.
/// </summary>
public sealed class UnitAddressLinks
{
    private readonly Dictionary<Guid, string> _byUuid = [];
    private readonly Dictionary<string, string> _byText = new(StringComparer.Ordinal);

    public int Count => _byUuid.Count + _byText.Count;

    public void Add(ReadOnlySpan<char> unitAddressId, string accessAddressId)
    {
        if (Guid.TryParse(unitAddressId, out var uuid))
            _byUuid[uuid] = accessAddressId;
        else
            _byText[unitAddressId.ToString()] = accessAddressId;
    }

    public bool TryGetAccessAddress(string unitAddressId, out string accessAddressId) =>
        Guid.TryParse(unitAddressId, out var uuid) ? _byUuid.TryGetValue(uuid, out accessAddressId!) : _byText.TryGetValue(unitAddressId, out accessAddressId!);

    /// <summary>Adds every link of another file's (a manifest may list several address editions).</summary>
    public void AddAll(UnitAddressLinks other)
    {
        foreach (var (k, v) in other._byUuid)
            _byUuid[k] = v;
        foreach (var (k, v) in other._byText)
            _byText[k] = v;
    }

    public void Clear()
    {
        _byUuid.Clear();
        _byText.Clear();
    }
}
