using System.Globalization;
using System.Text;
using VeSiting.Core.Domain;

namespace VeSiting.Data.Embedded;

/// <summary>
/// Free-text address matching: "Eliasgade 10, 2300" or "eliasgade 10 københavn s". Every query word must
/// match a word of the address (street and place words by prefix, house number and postcode exactly);
/// results are ranked by how many words matched exactly, then by label.
/// </summary>
internal sealed class AddressSearchIndex(IReadOnlyList<Address> addresses)
{
    private readonly (Address Address, string[] Words)[] _entries = addresses
        .Select(a => (a, Words($"{a.StreetName} {a.HouseNumber} {a.PostCode} {a.PostCodeName}")))
        .ToArray();

    public IReadOnlyList<Address> Search(string text, int limit)
    {
        var query = Words(text);
        if (query.Length == 0)
            return [];
        return _entries
            .Select(e => (e.Address, Score: Score(query, e.Words)))
            .Where(r => r.Score >= 0)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Address.Label, StringComparer.Ordinal)
            .Take(limit)
            .Select(r => r.Address)
            .ToList();
    }

    /// <summary>-1 when some query word matches nothing; else the number of exact word matches.</summary>
    private static int Score(string[] query, string[] words)
    {
        var exact = 0;
        foreach (var q in query)
        {
            var numeric = char.IsDigit(q[0]);
            if (words.Contains(q))
                exact++;
            else if (numeric || !words.Any(w => w.StartsWith(q, StringComparison.Ordinal)))
                return -1;
        }
        return exact;
    }

    private static string[] Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("da-DK")))
            builder.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
