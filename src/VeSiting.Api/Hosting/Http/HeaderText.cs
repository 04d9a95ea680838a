using System.Text;

namespace VeSiting.Api.Hosting;

/// <summary>
/// Text for an HTTP response header, which carries ASCII only: Danish letters spelled the Danish way without them
/// (æ → ae, ø → oe, å → aa), other accents dropped, anything else outside printable ASCII replaced by '?'.
/// </summary>
public static class HeaderText
{
    public static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var spelled = ch switch
            {
                'æ' => "ae",
                'Æ' => "Ae",
                'ø' => "oe",
                'Ø' => "Oe",
                'å' => "aa",
                'Å' => "Aa",
                '×' => "x",
                '…' => "...",
                '–' or '—' => "-",
                _ => null,
            };
            if (spelled is not null)
                builder.Append(spelled);
            else if (ch is >= ' ' and <= '~')
                builder.Append(ch);
            else if (ch.ToString().Normalize(NormalizationForm.FormD) is [var letter, ..] && letter is >= ' ' and <= '~' && CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.Control)
                builder.Append(letter);
            else
                builder.Append('?');
        }
        return builder.ToString();
    }
}
