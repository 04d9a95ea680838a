using OsmSharp;
using OsmSharp.Tags;

namespace VeSiting.Data.Importers.Osm.Pbf;

/// <summary>
/// One decoded PBF data block: its groups in file order. <paramref name="Index"/> counts the file's blocks from 0 (the
/// header block included), <paramref name="Offset"/> is the byte where the block's length prefix starts and
/// <paramref name="End"/> the byte after it.
/// </summary>
internal sealed record PbfBlock(int Index, long Offset, long End, IReadOnlyList<PbfGroup> Groups);

/// <summary>A primitive group: nodes (dense or not) as columns, or ways and relations as OsmSharp elements.</summary>
internal sealed record PbfGroup(PbfNodes? Nodes, IReadOnlyList<OsmGeo>? Elements);

/// <summary>
/// Nodes as columns: ids, and longitude and latitude in whole 100-nanodegree units (OSM's own precision); tags only for
/// the nodes that have any (null where a node has none, or the whole array null when none has).
/// </summary>
internal sealed record PbfNodes(long[] Ids, int[] Lons, int[] Lats, TagsCollectionBase?[]? Tags)
{
    public int Count => Ids.Length;
}
