namespace VeSiting.Core.Tariffs;

/// <summary>Chooses the price stack for a year: the year's own, else the latest earlier one, carried forward and flagged.</summary>
public static class PriceStackChoice
{
    /// <summary>The stack for <paramref name="year"/>; null when every stack is later than the year.</summary>
    public static PriceStack? For(IReadOnlyDictionary<int, PriceStack> stacks, int year)
    {
        if (stacks.TryGetValue(year, out var own))
            return own;
        var earlier = stacks.Keys.Where(y => y < year).DefaultIfEmpty(int.MinValue).Max();
        return earlier == int.MinValue ? null : stacks[earlier] with { CarriedForwardTo = year };
    }

    /// <summary>Why there is no stack for the year, naming the years there are.</summary>
    public static string NoStackReason(IReadOnlyDictionary<int, PriceStack> stacks, int year) => stacks.Count == 0
        ? $"no price stack for {year}: none is loaded"
        : $"no price stack for {year} or any earlier year; the earliest is {stacks.Keys.Min()} (available: {string.Join(", ", stacks.Keys.Order())})";
}
