namespace VeSiting.Core.Tariffs.Impact;

/// <summary>
/// The national (or an area's) impact of a tariff scenario: every household and firm gets its zone; a zone's customers save
/// the scenario's discounts on the price stack's components for their consumption; the grid (DSO), system (Energinet) and
/// supplier revenue the discounts take is recovered, revenue-neutrally, by one uniform increase per kWh on every customer
/// outside the zones. Households use the household consumption profile; firms their own annual kWh with
/// <see cref="FirmShares"/>. Pure; points are zoned on all cores.
/// </summary>
public sealed class ProposalImpactCalculator(TariffScenario scenario, PriceStack stack, ConsumptionProfile household)
{
    /// <summary>When a firm uses its power: around the clock (6 h low, 14 h high, 4 h peak of each day), an assumption stated in every answer.</summary>
    public static readonly TimeOfUseShares FirmShares = TimeOfUseShares.Uniform(6, 14, 4);

    public ProposalImpact Compute(string area, IReadOnlyList<Plant> plants, ImpactHouseholds households, IReadOnlyList<ImpactFirm> firms,
        IReadOnlyDictionary<int, string> municipalityNames, CancellationToken cancellationToken = default)
    {
        var zoner = new ScenarioZoner(scenario, plants);
        return Compute(area, zoner, zoner.ZoneAll(households.X, households.Y, cancellationToken: cancellationToken), households, firms, municipalityNames);
    }

    /// <summary>
    /// The impact from households already zoned (<paramref name="householdZones"/>: each household's zone index, −1 outside; e.g.
    /// computed once for the whole country and cached), <paramref name="include"/> choosing the municipalities of the area.
    /// </summary>
    public ProposalImpact Compute(string area, ScenarioZoner zoner, int[] householdZones, ImpactHouseholds households, IReadOnlyList<ImpactFirm> firms,
        IReadOnlyDictionary<int, string> municipalityNames, Func<int, bool>? include = null)
    {
        var zones = scenario.Zones;
        var slots = zones.Count + 1; // the last: outside every zone
        include ??= _ => true;
        // Municipality codes are small numbers (at most 3 digits): flags instead of a set over millions of households.
        var top = 0;
        foreach (var code in households.Municipality) top = Math.Max(top, code);
        foreach (var f in firms) top = Math.Max(top, f.Municipality);
        var present = new bool[top + 1];
        foreach (var code in households.Municipality) present[code] = true;
        foreach (var f in firms) present[f.Municipality] = true;
        var codes = Enumerable.Range(0, top + 1).Where(c => present[c] && include(c)).ToArray();
        var slotOf = new int[top + 1];
        Array.Fill(slotOf, -1);
        for (var k = 0; k < codes.Length; k++) slotOf[codes[k]] = k;

        // Households per (municipality, zone).
        var counts = new long[codes.Length * slots];
        for (var i = 0; i < householdZones.Length; i++)
        {
            var m = slotOf[households.Municipality[i]];
            if (m < 0)
                continue;
            var z = householdZones[i];
            counts[m * slots + (z < 0 ? zones.Count : z)] += households.Households[i];
        }
        firms = firms.Where(f => include(f.Municipality)).ToList();
        var firmZone = Slots(zoner, [.. firms.Select(f => f.X)], [.. firms.Select(f => f.Y)]);

        // Per zone: the discount per kWh on each component (before VAT) for a household and for a firm.
        var householdCut = Cuts(household);
        var firmCut = Cuts(FirmProfile);
        var vat = 1 + stack.VatRate;
        var kwh = household.AnnualKwh;

        var zoneRows = new List<ZoneImpact>();
        var revenue = new Dictionary<PriceComponent, double>();
        double outsideKwh = 0;
        for (var z = 0; z < slots; z++)
        {
            long homes = 0;
            for (var m = 0; m < codes.Length; m++) homes += counts[m * slots + z];
            double firmKwh = 0;
            var firmCount = 0;
            for (var f = 0; f < firms.Count; f++)
            {
                if (firmZone[f] != z)
                    continue;
                firmKwh += firms[f].AnnualKwh;
                firmCount++;
            }
            var homeOre = householdCut[z].Values.Sum();
            var firmOre = firmCut[z].Values.Sum();
            var firmDkk = firmOre * firmKwh / 100;
            foreach (var (component, ore) in householdCut[z])
                revenue[component] = revenue.GetValueOrDefault(component) + ore * homes * kwh / 100;
            foreach (var (component, ore) in firmCut[z])
                revenue[component] = revenue.GetValueOrDefault(component) + ore * firmKwh / 100;
            if (z == zones.Count)
                outsideKwh = homes * kwh + firmKwh;
            var label = z < zones.Count ? Explanations.Reason.Plain(zones[z].Label) : Explanations.Reason.Of("impact.outside-every-zone");
            zoneRows.Add(new ZoneImpact(z < zones.Count ? zones[z].Id : null, label.Text, homes, firmCount,
                homes * kwh, firmKwh, homeOre, homeOre * homes * kwh / 100 * vat + firmDkk, homeOre * kwh / 100 * vat, firmOre, firmDkk)
            { LabelReason = label });
        }

        var taken = revenue.Where(r => r.Value != 0).OrderBy(r => r.Key)
            .Select(r => new RevenueTaken(r.Key, Who(r.Key).Text, r.Value) { WhoReason = Who(r.Key) }).ToList();
        var total = taken.Sum(r => r.DkkPerYear);
        double? uplift = outsideKwh > 0 ? total * 100 / outsideKwh : null;
        var notes = new List<Explanations.Reason>
        {
            Explanations.Reason.Of("impact.household-profile", ("profile", household.Id), ("kwh", kwh)),
            Explanations.Reason.Of("impact.revenue-neutral", ("dkk", total), ("kwh", outsideKwh)),
            firms.Count == 0 ? Explanations.Reason.Of("impact.firms-none")
                : Explanations.Reason.Of("impact.firms-counted", ("firms", firms.Count), ("kwh", firms.Sum(f => f.AnnualKwh))),
        };
        if (uplift is null)
            notes.Add(Explanations.Reason.Of("impact.no-customer-outside"));
        if (households.Synthetic)
            notes.Add(Explanations.Reason.Of("impact.synthetic", ("persons", Synthetic.SyntheticDwellings.PersonsPerDwelling)));

        var firmsByMunicipality = new (int Count, int Zoned, double Kwh, double Saved, double OutsideKwh)[codes.Length];
        for (var f = 0; f < firms.Count; f++)
        {
            var m = slotOf[firms[f].Municipality];
            var z = firmZone[f];
            ref var row = ref firmsByMunicipality[m];
            row.Count++;
            row.Kwh += firms[f].AnnualKwh;
            if (z < zones.Count)
            {
                row.Zoned++;
                row.Saved += firmCut[z].Values.Sum() * firms[f].AnnualKwh / 100;
            }
            else
            {
                row.OutsideKwh += firms[f].AnnualKwh;
            }
        }
        var municipalities = new List<MunicipalityImpact>();
        for (var m = 0; m < codes.Length; m++)
        {
            long homes = 0, zoned = 0;
            double saved = 0;
            for (var z = 0; z < slots; z++)
            {
                var n = counts[m * slots + z];
                homes += n;
                if (z < zones.Count)
                {
                    zoned += n;
                    saved += householdCut[z].Values.Sum() * n * kwh / 100 * vat;
                }
            }
            var paid = (uplift ?? 0) * (homes - zoned) * kwh / 100 * vat;
            var code = codes[m];
            var f = firmsByMunicipality[m];
            var basis = households.BasisReasons.GetValueOrDefault(code)
                ?? (households.BasisByMunicipality.TryGetValue(code, out var given) ? Explanations.Reason.Plain(given)
                    : Explanations.Reason.Of(households.Synthetic ? "impact.basis-synthetic-dwellings" : "impact.basis-not-stated"));
            var municipality = new MunicipalityImpact(code, municipalityNames.GetValueOrDefault(code, code.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)),
                homes, zoned, saved, paid, homes == 0 ? 0 : (saved - paid) / homes, basis.Text,
                f.Count, f.Zoned, f.Kwh, f.Saved, (uplift ?? 0) * f.OutsideKwh / 100);
            municipalities.Add(municipality with { HouseholdBasisReason = basis });
        }
        return new ProposalImpact(scenario.Ref, scenario.Title, stack.Ref, area, zoneRows, municipalities, taken, uplift,
            uplift is { } u ? u * kwh / 100 * vat : null, kwh, households.Synthetic, notes);
    }

    /// <summary>
    /// Each firm's zone (null outside every zone) and what it saves: øre per kWh and DKK a year before VAT, its consumption
    /// spread by <see cref="FirmShares"/>; nothing outside the zones. The same figures the zones' firm totals add up.
    /// </summary>
    public IReadOnlyList<FirmZone> FirmZones(ScenarioZoner zoner, IReadOnlyList<Firm> firms)
    {
        var slot = Slots(zoner, [.. firms.Select(f => f.Position.X)], [.. firms.Select(f => f.Position.Y)]);
        var cut = Cuts(FirmProfile);
        return [.. firms.Select((f, i) =>
        {
            var zone = slot[i] < scenario.Zones.Count ? scenario.Zones[slot[i]] : null;
            var ore = cut[slot[i]].Values.Sum();
            return new FirmZone(f, zone?.Id, zone?.Label, ore, ore * f.AnnualKwh / 100);
        })];
    }

    private static readonly ConsumptionProfile FirmProfile = new("firm", "firm", 1, FirmShares, Customer.Firm);

    /// <summary>Each point's zone slot: the zone's index, or the number of zones for outside every zone.</summary>
    private int[] Slots(ScenarioZoner zoner, double[] x, double[] y) =>
        [.. zoner.ZoneAll(x, y).Select(z => z < 0 ? scenario.Zones.Count : z)];

    /// <summary>Per zone slot (the last: outside) the discount per kWh on each price component before VAT for a profile.</summary>
    private Dictionary<PriceComponent, double>[] Cuts(ConsumptionProfile profile) =>
        [.. Enumerable.Range(0, scenario.Zones.Count + 1).Select(z =>
            new Dictionary<PriceComponent, double>(PriceCalculator.Price(stack, profile, z < scenario.Zones.Count ? scenario.Zones[z].Discounts : null).DiscountsOrePerKwh))];

    private static Explanations.Reason Who(PriceComponent component) => component switch
    {
        PriceComponent.DsoTariff => Explanations.Reason.Of("impact.who.dso"),
        PriceComponent.EnerginetTariffs => Explanations.Reason.Of("impact.who.energinet"),
        PriceComponent.SupplierMargin => Explanations.Reason.Of("impact.who.supplier"),
        PriceComponent.Elafgift => Explanations.Reason.Of("impact.who.state"),
        PriceComponent.Spot => Explanations.Reason.Of("impact.who.market"),
        _ => Explanations.Reason.Plain(component.ToString()),
    };
}
