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
    public static string NoStackReason(IReadOnlyDictionary<int, PriceStack> stacks, int year) => NoStack(stacks, year).Text;

    /// <summary>Why no price stack answers for <paramref name="year"/>, as a code and values.</summary>
    public static Reason NoStack(IReadOnlyDictionary<int, PriceStack> stacks, int year) => stacks.Count == 0
        ? Reason.Of("prices.no-stack-none", ("year", year))
        : Reason.Of("prices.no-stack", ("year", year), ("earliest", stacks.Keys.Min()), ("available", string.Join(", ", stacks.Keys.Order())));
}
