namespace VeSiting.Core.ShadowFlicker;

/// <summary>
/// The numbers a shadow-flicker calculation uses, read from the <c>shadow-flicker</c> rule set (every one recorded in
/// the answer's <see cref="Provenance"/> with its confidence): the recommended limit, the minimum Sun elevation, the
/// maximum distance's parts, the receptor height, DMI's monthly sunshine hours and the operating share by wind sector.
/// </summary>
public sealed class ShadowFlickerConventions
{
    public static readonly string[] MonthKeys = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Wind sectors, each 30° wide, by their centre in degrees from north.</summary>
    public static readonly int[] SectorCentres = [0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330];

    private ShadowFlickerConventions(RuleSetRef rules, double maxExpectedHours, double minimumSunElevation, double maxDistancePerRotorDiameter,
        double receptorHeight, double[] sunshineHours, double[] operatingShares)
    {
        Rules = rules;
        MaxExpectedHoursPerYear = maxExpectedHours;
        MinimumSunElevation = minimumSunElevation;
        MaxDistancePerRotorDiameter = maxDistancePerRotorDiameter;
        ReceptorHeight = receptorHeight;
        SunshineHours = sunshineHours;
        OperatingShares = operatingShares;
    }

    public RuleSetRef Rules { get; }
    public double MaxExpectedHoursPerYear { get; }
    public double MinimumSunElevation { get; }
    /// <summary>Mean blade width share of D / (coverage share × the Sun's angular diameter in radians).</summary>
    public double MaxDistancePerRotorDiameter { get; }
    public double ReceptorHeight { get; }
    /// <summary>DMI's normal sunshine hours per month, January first.</summary>
    public IReadOnlyList<double> SunshineHours { get; }
    /// <summary>Share of the year the turbine turns with the wind from each sector of <see cref="SectorCentres"/>.</summary>
    public IReadOnlyList<double> OperatingShares { get; }

    /// <summary>The largest distance at which a rotor of the given diameter can cast flicker.</summary>
    public double MaxDistance(double rotorDiameter) => MaxDistancePerRotorDiameter * rotorDiameter;

    public static ShadowFlickerConventions From(RuleSet set, Provenance provenance)
    {
        if (set.Scheme != Schemes.ShadowFlicker)
            throw new ArgumentException($"rule set {set.Ref} is of scheme {set.Scheme}, not {Schemes.ShadowFlicker}", nameof(set));
        double Use(string key) => provenance.Use(set, key).Value;
        var width = Use("meanBladeWidthShareOfRotorDiameter");
        var coverage = Use("sunDiscCoverageShare");
        var sunDiameter = Use("sunAngularDiameter") * Math.PI / 180;
        return new ShadowFlickerConventions(set.Ref, Use("maxExpectedHoursPerYear"), Use("minimumSunElevation"), width / (coverage * sunDiameter),
            Use("receptorHeight"), [.. MonthKeys.Select(m => Use("sunshineHours" + m))],
            [.. SectorCentres.Select(s => Use($"operatingShareFrom{s:000}"))]);
    }
}
