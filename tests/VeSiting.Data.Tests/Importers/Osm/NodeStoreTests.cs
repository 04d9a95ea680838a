using VeSiting.Data.Importers.Osm;

namespace VeSiting.Data.Tests.Importers.Osm;

/// <summary>The compact stores of node positions and way node lists, with ids in order, out of order and far apart.</summary>
public sealed class NodeStoreTests
{
    [Fact]
    public void Node_positions_are_found_across_chunks_and_far_apart_ids()
    {
        var nodes = new NodeLocations();
        // 2,100,000 nodes with ids 10, 20, 30, … (three chunks of 1,048,576), then one id 5 billion further on
        // (more than a 32-bit offset from its chunk's base, so it opens a chunk of its own).
        for (long i = 1; i <= 2_100_000; i++)
            nodes.Add(i * 10, (int)(i % 1000), -(int)(i % 777));
        nodes.Add(5_000_000_000, 105_000_000, 559_000_000);
        nodes.Seal();
        var hint = new NodeLocations.Hint();

        // id 1,048,580 is node i = 104,858 (lon 104,858 mod 1000 = 858, lat −(104,858 mod 777) = −740; ×1e-7 degrees).
        Assert.True(nodes.TryGet(1_048_580, hint, out var lon, out var lat));
        Assert.Equal((858e-7, -740e-7), (lon, lat));
        // The last node of the run: i = 2,100,000 → lon 0, lat −(2,100,000 mod 777 = 546).
        Assert.True(nodes.TryGet(21_000_000, hint, out lon, out lat));
        Assert.Equal((0.0, -546e-7), (lon, lat));
        Assert.True(nodes.TryGet(5_000_000_000, hint, out lon, out lat));
        Assert.Equal((10.5, 55.9), (lon, lat));
        Assert.False(nodes.TryGet(15, hint, out _, out _));
        Assert.False(nodes.TryGet(5, hint, out _, out _));
        Assert.False(nodes.TryGet(4_999_999_999, hint, out _, out _));
    }

    [Fact]
    public void Nodes_given_out_of_order_are_sorted_and_the_first_of_a_repeated_id_kept()
    {
        var nodes = new NodeLocations();
        nodes.Add(30, 3, 3);
        nodes.Add(10, 1, 1);
        nodes.Add(20, 2, 2);
        nodes.Add(10, 9, 9);
        nodes.Seal();
        var hint = new NodeLocations.Hint();
        foreach (var (id, units) in new[] { (10L, 1), (20L, 2), (30L, 3) })
        {
            Assert.True(nodes.TryGet(id, hint, out var lon, out _));
            Assert.Equal(units * 1e-7, lon);
        }
    }

    [Fact]
    public void Way_node_lists_come_back_whole_in_and_out_of_order()
    {
        var ways = new WayNodeLists();
        ways.Add(7, [100, 101, 102, 100]);
        ways.Add(3, [5_000_000_000, 1, -4]);
        ways.Add(9, []);
        ways.Add(3, [8, 9]);

        Assert.True(ways.TryGet(7, out var refs));
        Assert.Equal([100L, 101, 102, 100], refs);
        // Way 3 given twice: the later list, as the file's last word.
        Assert.True(ways.TryGet(3, out refs));
        Assert.Equal([8L, 9], refs);
        Assert.True(ways.TryGet(9, out refs));
        Assert.Empty(refs);
        Assert.False(ways.TryGet(4, out _));
    }
}
