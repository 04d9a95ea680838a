using VeSiting.Stores.PostGis;

namespace VeSiting.Stores.Tests.PostGis;

/// <summary>How VeSiting:Database and VeSiting:ReadDatabases become one pool (nothing is connected here).</summary>
public sealed class DatabaseTopologyTests
{
    private const string Primary = "Host=db-primary;Port=5432;Database=vesiting;Username=vesiting;Password=secret";

    [Fact]
    public async Task Without_replicas_reads_and_writes_share_the_one_server()
    {
        await using var database = PostGisDatabase.Create(Primary, []);
        Assert.Same(database.Writes, database.Reads);
        Assert.Equal("db-primary:5432/vesiting", database.Description);
    }

    [Fact]
    public async Task Replicas_join_the_primary_in_one_multi_host_pool_and_the_password_is_never_described()
    {
        await using var database = PostGisDatabase.Create(Primary, ["Host=db-replica-1;Port=5433", "Host=db-replica-2;Database=vesiting"]);
        Assert.NotSame(database.Writes, database.Reads);
        Assert.Equal("db-primary:5432,db-replica-1:5433,db-replica-2:5432/vesiting", database.Description);
        Assert.DoesNotContain("secret", database.Description);
    }

    [Theory]
    [InlineData("Host=db-replica;Database=other", "Database")]
    [InlineData("Host=db-replica;Username=someone-else", "Username")]
    [InlineData("Host=db-replica;Password=another", "Password")]
    public void A_replica_of_another_database_or_role_is_refused_naming_the_setting(string replica, string differs)
    {
        var e = Assert.Throws<ArgumentException>(() => PostGisDatabase.Create(Primary, ["Host=db-replica-0", replica]));
        Assert.Contains("VeSiting:ReadDatabases:1", e.Message);
        Assert.Contains($"{differs} differs", e.Message);
    }

    [Fact]
    public void A_broken_connection_string_is_refused_naming_the_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => PostGisDatabase.Create(Primary, ["Hots=db-replica"]));
        Assert.Contains("VeSiting:ReadDatabases:0", e.Message);
    }
}
