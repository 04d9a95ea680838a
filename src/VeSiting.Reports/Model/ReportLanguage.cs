using VeSiting.Core.Explanations;

namespace VeSiting.Reports.Model;

/// <summary>
/// The report's own words — headings, labels, column names — in English and Danish, all in this one place; reasons are
/// rendered through the message catalogues, numbers as the language writes them.
/// </summary>
public sealed class ReportLanguage
{
    private static readonly Dictionary<string, (string En, string Da)> Words = new(StringComparer.Ordinal)
    {
        ["title"] = ("Case report", "Sagsrapport"),
        ["generated"] = ("Made", "Udarbejdet"),
        ["page"] = ("Page", "Side"),
        ["of"] = ("of", "af"),
        ["map"] = ("Map", "Kort"),
        ["map.caption"] = ("The project's plants and scheme rings, the dwellings within them, registered plants nearby and the municipal boundaries (Web Mercator).",
            "Projektets anlæg og ordningernes afstandsringe, boligerne inden for dem, registrerede anlæg i nærheden og kommunegrænserne (Web Mercator)."),
        ["legend.project"] = ("project plant", "projektets anlæg"),
        ["legend.registered"] = ("registered plant", "registreret anlæg"),
        ["legend.boundary"] = ("municipal boundary", "kommunegrænse"),
        ["legend.dwelling.beyond"] = ("dwelling beyond the rings", "bolig uden for ringene"),
        ["legend.over-limit"] = ("over the noise or flicker limit", "over støj- eller skyggekastgrænsen"),
        ["legend.noise-dwelling"] = ("other dwelling the noise reaches", "anden bolig inden for støjens rækkevidde"),
        ["band.minimum distance"] = ("minimum distance", "minimumsafstand"),
        ["band.sales option"] = ("sales option", "salgsoption"),
        ["band.VE-bonus"] = ("VE-bonus", "VE-bonus"),
        ["band.fee"] = ("limit of the loss-of-value fee", "grænse for værditabsordningens gebyrfritagelse"),
        ["band.solar"] = ("around solar: sales option, VE-bonus", "omkring solceller: salgsoption, VE-bonus"),
        ["summary"] = ("Summary", "Resumé"),
        ["project"] = ("Project", "Projekt"),
        ["grouping"] = ("Grouping", "Gruppering"),
        ["permit"] = ("Permit and rules", "Tilladelse og regler"),
        ["plants"] = ("Plants", "Anlæg"),
        ["capacity"] = ("Capacity", "Effekt"),
        ["dwellings.within"] = ("Dwellings within the rings", "Boliger inden for ringene"),
        ["below-minimum"] = ("Below the minimum distance", "Inden for minimumsafstanden"),
        ["sales-option.households"] = ("Households with the sales option", "Husstande med salgsoption"),
        ["ve-bonus.households"] = ("Households with the VE-bonus", "Husstande med VE-bonus"),
        ["meeting-notice"] = ("Addresses told of the public meeting", "Adresser med varsel om borgermøde"),
        ["buildings"] = ("Buildings within reach", "Bygninger inden for rækkevidde"),
        ["noise"] = ("Noise (støj)", "Støj"),
        ["flicker"] = ("Shadow flicker (skyggekast)", "Skyggekast"),
        ["rings"] = ("Dwellings per ring", "Boliger pr. ring"),
        ["ring"] = ("Ring", "Ring"),
        ["radius"] = ("Radius", "Radius"),
        ["addresses"] = ("Addresses", "Adresser"),
        ["households"] = ("Households", "Husstande"),
        ["plants.table"] = ("Plants of the project", "Projektets anlæg"),
        ["plant"] = ("Plant", "Anlæg"),
        ["kind"] = ("Kind", "Type"),
        ["position"] = ("E, N (EPSG:25832)", "Ø, N (EPSG:25832)"),
        ["hub"] = ("Hub m", "Nav m"),
        ["rotor"] = ("Rotor m", "Rotor m"),
        ["total-height"] = ("H m", "H m"),
        ["mw"] = ("MW", "MW"),
        ["coverage"] = ("Schemes", "Ordninger"),
        ["neighbours"] = ("Neighbours", "Naboer"),
        ["neighbours.note"] = ("Every dwelling within the scheme rings, nearest first, measured to the nearest plant of the project; noise at 8 and 6 m/s from every turbine that can matter (the limit in brackets), shadow flicker expected and worst case in hours a year (! over the recommended limit).",
            "Alle boliger inden for ordningernes ringe, nærmeste først, målt til projektets nærmeste anlæg; støj ved 8 og 6 m/s fra alle møller der kan have betydning (grænsen i parentes), skyggekast forventet og worst case i timer om året (! over den anbefalede grænse)."),
        ["neighbours.others"] = ("Dwellings beyond the rings over a noise limit or with shadow flicker", "Boliger uden for ringene over en støjgrænse eller med skyggekast"),
        ["neighbours.others.rest"] = ("more dwellings beyond the rings are within the noise's reach, within every limit and without shadow flicker (every one is in the JSON, CSV and GeoPackage answers)",
            "boliger mere uden for ringene er inden for støjens rækkevidde, inden for alle grænser og uden skyggekast (alle står i svarene som JSON, CSV og GeoPackage)"),
        ["beyond"] = ("beyond", "uden for"),
        ["address"] = ("Address", "Adresse"),
        ["distance"] = ("Distance m", "Afstand m"),
        ["multiple"] = ("× H", "× H"),
        ["below-minimum.short"] = ("< min.", "< min."),
        ["sales-option.short"] = ("Sales option", "Salgsoption"),
        ["ve-bonus.dkk"] = ("VE-bonus DKK/yr", "VE-bonus kr./år"),
        ["fee.dkk"] = ("Loss-of-value fee DKK", "Værditab kr."),
        ["noise8"] = ("Noise 8 m/s dB(A)", "Støj 8 m/s dB(A)"),
        ["noise6"] = ("Noise 6 m/s dB(A)", "Støj 6 m/s dB(A)"),
        ["flicker.expected"] = ("Flicker expected h", "Skyggekast forventet t"),
        ["flicker.worst"] = ("Flicker worst case h", "Skyggekast worst case t"),
        ["yes"] = ("yes", "ja"),
        ["no"] = ("no", "nej"),
        ["none"] = ("none", "ingen"),
        ["money"] = ("Money", "Penge"),
        ["ve-bonus"] = ("VE-bonus", "VE-bonus"),
        ["ve-bonus.per-household"] = ("Per household, DKK a year", "Pr. husstand, kr. om året"),
        ["ve-bonus.total"] = ("In all, DKK a year", "I alt, kr. om året"),
        ["ve-bonus.cap"] = ("Cap", "Loft"),
        ["ve-bonus.cap.applied"] = ("applied", "anvendt"),
        ["ve-bonus.cap.not-applied"] = ("not reached", "ikke nået"),
        ["why"] = ("Why", "Hvorfor"),
        ["green-pool"] = ("Green pool (grøn pulje) by municipality", "Grøn pulje pr. kommune"),
        ["green-pool.total"] = ("Green pool in all, DKK", "Grøn pulje i alt, kr."),
        ["municipality"] = ("Municipality", "Kommune"),
        ["dkk"] = ("DKK", "kr."),
        ["other-periods"] = ("Under an earlier permit date", "Ved en tidligere tilladelsesdato"),
        ["permit-date"] = ("Permit date", "Tilladelsesdato"),
        ["noise.worst"] = ("Worst dwelling", "Mest belastede bolig"),
        ["noise.rule-set"] = ("Rule set", "Regelsæt"),
        ["flicker.limit"] = ("Recommended limit, expected hours a year", "Anbefalet grænse, forventede timer om året"),
        ["flicker.year"] = ("Year computed", "Beregnet år"),
        ["flicker.over"] = ("Dwellings over the limit", "Boliger over grænsen"),
        ["flicker.worst-dwelling"] = ("Worst dwelling", "Mest belastede bolig"),
        ["rules"] = ("Rules and data behind every number", "Regler og data bag hvert tal"),
        ["statuses"] = ("What each part of the answer is", "Hvad hver del af svaret er"),
        ["status.law"] = ("law (a rule in force)", "lov (gældende regel)"),
        ["status.proposal"] = ("proposal", "forslag"),
        ["status.estimate"] = ("estimate", "skøn"),
        ["element.findings"] = ("neighbour schemes for each dwelling", "naboordninger for hver bolig"),
        ["element.greenPool"] = ("green pool", "grøn pulje"),
        ["element.rings"] = ("rings", "afstandsringe"),
        ["element.veBonus"] = ("VE-bonus amounts", "VE-bonusbeløb"),
        ["element.production"] = ("production", "produktion"),
        ["element.prices"] = ("prices", "priser"),
        ["element.tariffZones"] = ("tariff zones", "tarifzoner"),
        ["element.noise"] = ("noise", "støj"),
        ["element.flicker"] = ("shadow flicker hours (the limit is a recommendation)", "skyggekasttimer (grænsen er en anbefaling)"),
        ["rule-sets"] = ("Rule sets used (id@version, hash)", "Anvendte regelsæt (id@version, hash)"),
        ["unconfirmed"] = ("Unconfirmed values", "Ubekræftede værdier"),
        ["reported"] = ("Values only reported by a secondary source", "Værdier kun oplyst af en sekundær kilde"),
        ["assumptions"] = ("Assumptions", "Antagelser"),
        ["address-coverage"] = ("Address data", "Adressedata"),
        ["household-basis"] = ("Households counted from", "Husstande talt ud fra"),
        ["sources"] = ("Data sources and attribution", "Datakilder og kreditering"),
        ["data-version"] = ("Data version", "Dataversion"),
        ["explanations-language"] = ("", "Titler og noter fra regel- og tarif-filerne står på engelsk, som de er skrevet der."),
    };

    private ReportLanguage(string code, MessageCatalogue catalogue)
    {
        Code = code;
        Catalogue = catalogue;
    }

    public static ReportLanguage English { get; } = new("en", MessageCatalogue.English);
    public static ReportLanguage Danish { get; } = new("da", MessageCatalogue.Danish);

    /// <summary>The languages a report is written in.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["en", "da"];

    /// <summary>The language of a code (<c>en</c> or <c>da</c>), or null for any other.</summary>
    public static ReportLanguage? Find(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        null or "" or "en" => English,
        "da" => Danish,
        _ => null,
    };

    public string Code { get; }

    public MessageCatalogue Catalogue { get; }

    public string this[string key] => Words.TryGetValue(key, out var w) ? Code == "da" ? w.Da : w.En
        : throw new KeyNotFoundException($"no report text '{key}'");

    public bool Has(string key) => Words.ContainsKey(key);

    /// <summary>A number as the language writes it (en 1,234.5; da 1.234,5).</summary>
    public string Number(double value, string format = "#,0.##") => Catalogue.Number(value, format);

    public string Render(Core.Explanations.Reason reason) => Catalogue.Render(reason);

    /// <summary>A ring label of the answer (<c>4–6 × H: sales option</c>, <c>beyond 8 × H</c>) in this language.</summary>
    public string Ring(string label)
    {
        if (Code == "en")
            return label;
        if (label.StartsWith("beyond ", StringComparison.Ordinal))
            return $"{this["beyond"]} {label["beyond ".Length..]}";
        var colon = label.IndexOf(':');
        if (colon < 0)
            return label;
        var names = label[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries).Select(n => Has($"band.{n}") ? this[$"band.{n}"] : n);
        return $"{label[..colon]}: {string.Join(", ", names)}";
    }

    public string YesNo(bool value) => this[value ? "yes" : "no"];
}
