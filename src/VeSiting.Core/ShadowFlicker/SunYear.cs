using System.Collections.Concurrent;
using VeSiting.Core.Sun;

namespace VeSiting.Core.ShadowFlicker;

/// <summary>
/// The Sun for every minute of one UTC year, as the observer-free part of SPA: the Greenwich hour angle
/// (apparent sidereal time − right ascension) and the declination. SPA is evaluated once an hour and the minutes
/// between are interpolated linearly (both move smoothly: the error is below 10⁻⁵°, far under the Sun's 0.25° a
/// minute). A place's hour angle is the Greenwich one plus its longitude, so one table serves all of Denmark.
/// Built once per year and shared.
/// </summary>
public sealed class SunYear
{
    private static readonly ConcurrentDictionary<int, Lazy<SunYear>> Cache = new();

    private SunYear(int year)
    {
        Year = year;
        Start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Days = DateTime.IsLeapYear(year) ? 366 : 365;
        var minutes = Days * 1440;
        var hours = Days * 24 + 1;
        var gha = new double[hours];
        var dec = new double[hours];
        var jd0 = SolarPositionAlgorithm.JulianDay(Start);
        var deltaT = SolarPositionAlgorithm.EstimatedDeltaT(year + 0.5);
        var previous = double.NaN;
        for (var h = 0; h < hours; h++)
        {
            var sun = SolarPositionAlgorithm.Geocentric(jd0 + h / 24.0, deltaT);
            var g = sun.SiderealTime - sun.RightAscension;
            if (!double.IsNaN(previous))
            {
                // Unwrapped: the hour angle grows by about 15.04° an hour.
                while (g < previous)
                    g += 360;
            }
            gha[h] = previous = g;
            dec[h] = sun.Declination;
        }
        GreenwichHourAngle = new double[minutes];
        SinDeclination = new double[minutes];
        CosDeclination = new double[minutes];
        Declination = new double[minutes];
        for (var m = 0; m < minutes; m++)
        {
            var h = m / 60;
            var f = (m % 60) / 60.0;
            GreenwichHourAngle[m] = (gha[h] + (gha[h + 1] - gha[h]) * f) % 360;
            var d = dec[h] + (dec[h + 1] - dec[h]) * f;
            Declination[m] = d;
            SinDeclination[m] = Math.Sin(d * Math.PI / 180);
            CosDeclination[m] = Math.Cos(d * Math.PI / 180);
        }
        var (summerFrom, summerTo) = DanishTime.SummerTime(year);
        (_summerFrom, _summerTo) = ((int)(summerFrom - Start).TotalMinutes, (int)(summerTo - Start).TotalMinutes);
        _monthOfDay = [.. Enumerable.Range(0, Days + 1).Select(d => Start.AddDays(d).Month)];
    }

    private readonly int _summerFrom, _summerTo;
    private readonly int[] _monthOfDay;

    public int Year { get; }
    public DateTime Start { get; }
    public int Days { get; }
    public int Minutes => Days * 1440;

    /// <summary>Greenwich hour angle of the Sun in degrees [0, 360) at the start of each minute of the year.</summary>
    public double[] GreenwichHourAngle { get; }
    public double[] Declination { get; }
    public double[] SinDeclination { get; }
    public double[] CosDeclination { get; }

    /// <summary>The Danish (clock-time) date of a minute, as days after the year's first UTC day (1 or 2 hours ahead of UTC: <see cref="DanishTime"/>).</summary>
    public int LocalDay(int minute) => (minute + (minute >= _summerFrom && minute < _summerTo ? 120 : 60)) / 1440;

    /// <summary>The month (1–12) of a day counted from the year's first day (<see cref="LocalDay"/> may be the next year's first day).</summary>
    public int MonthOfLocalDay(int day) => _monthOfDay[day];

    /// <summary>The month (1–12) of a UTC day of the year.</summary>
    public int MonthOfDay(int day) => _monthOfDay[day];

    public static SunYear For(int year) => Cache.GetOrAdd(year, y => new Lazy<SunYear>(() => new SunYear(y))).Value;

    public DateTime UtcOf(int minute) => Start.AddMinutes(minute);
}
