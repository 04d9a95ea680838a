using VeSiting.Core.Importing;

namespace VeSiting.Core.Stores;

/// <summary>Everything the default sources hold, imported and checked, with the reports and attributions that travel with it.</summary>
public sealed record DataSet
{
    public IReadOnlyList<Plant> Plants { get; init; } = [];
    public IReadOnlyList<Address> Addresses { get; init; } = [];
    public IReadOnlyList<Building> Buildings { get; init; } = [];
    public IReadOnlyList<AdminArea> Municipalities { get; init; } = [];
    public IReadOnlyList<AdminArea> Regions { get; init; } = [];
    public IReadOnlyList<AdminArea> PostCodes { get; init; } = [];
    public IReadOnlyList<MunicipalityPopulation> Population { get; init; } = [];
    public IReadOnlyList<DistrictHeatingPlant> DistrictHeating { get; init; } = [];
    /// <summary>The user's noise-sensitive areas layer (empty when none is loaded: every dwelling is then judged as in open country).</summary>
    public IReadOnlyList<Noise.NoiseAreaPolygon> NoiseAreas { get; init; } = [];
    /// <summary>The user's firms layer (empty when none is loaded): firms and their annual kWh, counted by the tariff proposal's impact.</summary>
    public IReadOnlyList<Firm> Firms { get; init; } = [];
    public required DataVersion Version { get; init; }
    public IReadOnlyList<SourceReport> Reports { get; init; } = [];
    /// <summary>Attribution lines for every source in the set, to be shown wherever the data is shown.</summary>
    public IReadOnlyList<string> Attributions { get; init; } = [];

    public IReadOnlyList<AdminArea> Areas(AdminAreaKind kind) => kind switch
    {
        AdminAreaKind.Municipality => Municipalities,
        AdminAreaKind.Region => Regions,
        AdminAreaKind.PostCode => PostCodes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
