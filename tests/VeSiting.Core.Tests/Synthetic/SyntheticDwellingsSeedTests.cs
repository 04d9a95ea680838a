using VeSiting.Core.Synthetic;

namespace VeSiting.Core.Tests.Synthetic;

public sealed class SyntheticDwellingsSeedTests
{
    [Theory]
    // seed × 1,000,003 + municipality code, kept to 31 bits: 42 × 1,000,003 = 42,000,126; + 101 = 42,000,227.
    [InlineData(42, 101, 42_000_227)]
    // 7 × 1,000,003 = 7,000,021; + 851 = 7,000,872.
    [InlineData(7, 851, 7_000_872)]
    // 3,000 × 1,000,003 = 3,000,009,000 > 2^31 − 1 = 2,147,483,647; + 147 = 3,000,009,147; less 2^31 = 852,525,499.
    [InlineData(3_000, 147, 852_525_499)]
    public void A_municipality_seed_is_the_same_in_every_process(int seed, int code, int expected)
    {
        Assert.Equal(expected, SyntheticDwellings.SeedFor(seed, code));
    }
}
