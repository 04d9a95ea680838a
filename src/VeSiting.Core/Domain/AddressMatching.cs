using System.Text;

namespace VeSiting.Core.Domain;

/// <summary>
/// How free text ("Eliasgade 10, 2300") matches an address, shared by every store so they rank alike:
/// every query word must match a word of the address (street and place words by prefix, house numbers
/// and postcodes exactly); more exact word matches rank higher, then the label in ordinal order.
/// </summary>
public static class AddressMatching
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>The address's searchable words, space-separated (what a store indexes).</summary>
    public static string SearchKey(Address address) =>
        string.Join(' ', Words($"{address.StreetName} {address.HouseNumber} {address.PostCode} {address.PostCodeName}"));

    /// <summary>Lower-case words of letters and digits; everything else separates words.</summary>
    public static string[] Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormC).ToLower(Danish))
            builder.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>-1 when some query word matches nothing; else the number of exact word matches.</summary>
    public static int Score(IReadOnlyList<string> query, IReadOnlyList<string> words)
    {
        var exact = 0;
        foreach (var q in query)
        {
            if (words.Contains(q))
                exact++;
            else if (char.IsDigit(q[0]) || !words.Any(w => w.StartsWith(q, StringComparison.Ordinal)))
                return -1;
        }
        return exact;
    }

    /// <summary>Ranks candidate addresses for a query: matches only, best first, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<Address> Rank(string text, IEnumerable<(Address Address, string[] Words)> candidates, int limit)
    {
        var query = Words(text);
        if (query.Length == 0)
            return [];
        return candidates
            .Select(c => (c.Address, Score: Score(query, c.Words)))
            .Where(r => r.Score >= 0)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Address.Label, StringComparer.Ordinal)
            .ThenBy(r => r.Address.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(r => r.Address)
            .ToList();
    }
}
