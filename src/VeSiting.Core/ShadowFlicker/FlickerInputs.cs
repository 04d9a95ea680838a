namespace VeSiting.Core.ShadowFlicker;

/// <summary>A turbine as the flicker calculation sees it: tower foot in EPSG:25832 (metres), hub height and rotor diameter (metres).</summary>
public sealed record FlickerTurbine(string Id, double Easting, double Northing, double HubHeight, double RotorDiameter);

/// <summary>
/// A receptor (a dwelling) in EPSG:25832. It is a point at the convention's receptor height above flat ground: the
/// simplest receptor, which counts every minute the shadow reaches that point whatever the facade faces (a 1 × 1 m
/// window or a "greenhouse" receptor facing every way is a later option).
/// </summary>
public sealed record FlickerReceptor(string Id, double Easting, double Northing);

/// <summary>One spell of flicker on one day, in Danish clock time (CET/CEST): from <see cref="Start"/> to <see cref="End"/> (exclusive).</summary>
public sealed record FlickerSpell(DateOnly Date, TimeOnly Start, TimeOnly End, int Minutes, IReadOnlyList<string> Turbines);

/// <summary>One turbine's part of a dwelling's worst case.</summary>
public sealed record TurbineFlicker(string TurbineId, int WorstCaseMinutes, double DistanceM)
{
    public double WorstCaseHours => WorstCaseMinutes / 60.0;
}

/// <summary>
/// Shadow flicker at one dwelling over one year, from all the turbines given together (a minute two turbines
/// flicker counts once). Worst case: the Sun always shining and every rotor a disc facing it. Expected (real case):
/// each worst-case minute weighed by the month's probability of sunshine and the share of the year the turbines
/// turn with the wind from a sector in which some rotor, facing that sector, still stands before the Sun.
/// </summary>
public sealed record DwellingFlicker(
    string DwellingId,
    int Year,
    int WorstCaseMinutes,
    int Days,
    int MaxMinutesPerDay,
    double ExpectedHours,
    IReadOnlyList<TurbineFlicker> Turbines)
{
    public double WorstCaseHours => WorstCaseMinutes / 60.0;

    public static DwellingFlicker None(string dwellingId, int year) => new(dwellingId, year, 0, 0, 0, 0, []);
}
