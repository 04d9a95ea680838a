using System.Numerics;

namespace VeSiting.Core.ShadowFlicker;

/// <summary>
/// Shadow flicker at dwellings from wind turbines, minute by minute over one year (see <see cref="DwellingFlicker"/>).
/// The Sun comes from <see cref="SunYear"/> (SPA); the geometry is exact for a point receptor and a disc rotor on flat
/// ground. A minute flickers when the Sun is at least the minimum elevation up, the hub is within the maximum distance
/// and the ray from the receptor towards the Sun passes within the rotor's radius of the hub. Only days on which the
/// Sun's declination comes within the rotor's angular radius of the hub's, and only the minutes around the hour
/// angle at which the Sun passes the hub, are examined: the rest cannot flicker.
/// </summary>
public sealed class ShadowFlickerCalculator(ShadowFlickerConventions conventions)
{
    private const double Deg = Math.PI / 180;
    private const double SemiMajor = 6378137;
    private const double EccentricitySquared = 0.00669438002290;
    /// <summary>Degrees of hour angle a minute (the Sun's apparent daily motion, 360.9856° a sidereal-day's worth).</summary>
    private const double HourAnglePerMinute = 0.2507;

    /// <summary>Per wind sector, the horizontal unit vector (east, north) of a rotor axis facing it.</summary>
    private static readonly (double E, double N)[] SectorAxes =
        [.. ShadowFlickerConventions.SectorCentres.Select(c => (Math.Sin(c * Deg), Math.Cos(c * Deg)))];

    public ShadowFlickerConventions Conventions { get; } = conventions;

    private readonly double[] _operatingShares = [.. conventions.OperatingShares];

    /// <summary>The worst and expected case at one dwelling from the given turbines (those beyond their maximum distance are skipped).</summary>
    public DwellingFlicker ForDwelling(FlickerReceptor dwelling, IReadOnlyList<FlickerTurbine> turbines, int year) =>
        Compute(dwelling, turbines, year, calendar: null);

    /// <summary>As <see cref="ForDwelling"/>, and every spell of flicker with its date and Danish clock times.</summary>
    public (DwellingFlicker Flicker, IReadOnlyList<FlickerSpell> Calendar) Calendar(FlickerReceptor dwelling, IReadOnlyList<FlickerTurbine> turbines, int year)
    {
        var calendar = new List<FlickerSpell>();
        var flicker = Compute(dwelling, turbines, year, calendar);
        return (flicker, calendar);
    }

    private DwellingFlicker Compute(FlickerReceptor dwelling, IReadOnlyList<FlickerTurbine> turbines, int year, List<FlickerSpell>? calendar)
    {
        var sun = SunYear.For(year);
        var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(dwelling.Easting, dwelling.Northing);
        var frame = new Frame(lat, lon);
        var pairs = new List<Pair>();
        foreach (var turbine in turbines)
        {
            var dx = turbine.Easting - dwelling.Easting;
            var dy = turbine.Northing - dwelling.Northing;
            var limit = Conventions.MaxDistance(turbine.RotorDiameter);
            // UTM's scale differs from 1 by under 0.05 % in Denmark: a cheap first cut with 1 % room.
            if (dx * dx + dy * dy > limit * limit * 1.0201)
                continue;
            var (tLon, tLat) = CoordinateTransformer.Instance.FromUtm32(turbine.Easting, turbine.Northing);
            var pair = new Pair(turbine, frame, tLon, tLat, Conventions.ReceptorHeight);
            if (pair.HorizontalDistance <= limit)
                pairs.Add(pair);
        }
        if (pairs.Count == 0)
            return DwellingFlicker.None(dwelling.Id, year);

        // Day by day, each pair marks its minutes in a day's buffer (a bit mask per minute; pairs beyond 64 share bits: only
        // unions and counts use them) with the Sun's direction then; the day's flickering minutes are then taken in order, so the
        // year's come out sorted and the expected case sums them in the same order as minute by minute.
        var perTurbine = new int[pairs.Count];
        var sinMin = Math.Sin(Conventions.MinimumSunElevation * Deg);
        var sunshine = SunshineProbabilities(sun, frame);
        var minutes = new List<int>();
        var masks = new List<ulong>();
        var day = new DayBuffer();
        var expectedMinutes = 0.0;
        var days = 0;
        var maxPerDay = 0;
        var dayStart = 0;
        var previousDay = -1;
        for (var d = 0; d < sun.Days; d++)
        {
            var first = d * 1440;
            int low = 1440, high = -1;
            for (var p = 0; p < pairs.Count; p++)
                perTurbine[p] += pairs[p].Minutes(sun, frame, sinMin, d, day, 1UL << (p % 64), ref low, ref high);
            for (var m = low; m <= high; m++)
            {
                var mask = day.Mask[m];
                if (mask == 0)
                    continue;
                day.Mask[m] = 0;
                var i = minutes.Count;
                minutes.Add(first + m);
                masks.Add(mask);
                var localDay = sun.LocalDay(first + m);
                expectedMinutes += sunshine[sun.MonthOfLocalDay(localDay) - 1] * OperatingWeight((day.E[m], day.N[m], day.U[m]), mask, pairs);
                if (localDay != previousDay)
                {
                    if (i > 0)
                        maxPerDay = Math.Max(maxPerDay, i - dayStart);
                    days++;
                    dayStart = i;
                    previousDay = localDay;
                }
            }
        }
        maxPerDay = Math.Max(maxPerDay, minutes.Count - dayStart);
        if (calendar is not null)
            AddSpells(calendar, sun, minutes, masks, pairs);
        var parts = pairs.Select((p, i) => new TurbineFlicker(p.Turbine.Id, perTurbine[i], p.HorizontalDistance))
            .Where(t => t.WorstCaseMinutes > 0).OrderByDescending(t => t.WorstCaseMinutes).ThenBy(t => t.TurbineId, StringComparer.Ordinal).ToList();
        return new DwellingFlicker(dwelling.Id, year, minutes.Count, days, maxPerDay, expectedMinutes / 60, parts);
    }

    /// <summary>Share of the year's operation in which some flickering rotor, facing the wind's sector, still stands before the Sun.</summary>
    private double OperatingWeight((double E, double N, double U) s, ulong mask, List<Pair> pairs)
    {
        var weight = 0.0;
        for (var sector = 0; sector < SectorAxes.Length; sector++)
        {
            var share = _operatingShares[sector];
            if (share <= 0)
                continue;
            var (nE, nN) = SectorAxes[sector];
            var sn = s.E * nE + s.N * nN;
            if (Math.Abs(sn) < 1e-12)
                continue; // the Sun in the rotor's plane: no rotor facing this sector stands before it
            if (pairs.Count <= 64)
            {
                // One bit a pair: only the flickering ones are looked at.
                for (var bits = mask; bits != 0; bits &= bits - 1)
                {
                    if (pairs[BitOperations.TrailingZeroCount(bits)].HitsFacing(s, sn, sector))
                    {
                        weight += share;
                        break;
                    }
                }
                continue;
            }
            for (var p = 0; p < pairs.Count; p++)
            {
                if ((mask & (1UL << (p % 64))) != 0 && pairs[p].HitsFacing(s, sn, sector))
                {
                    weight += share;
                    break;
                }
            }
        }
        return weight;
    }

    /// <summary>Per month: DMI's normal sunshine hours ÷ the hours the Sun's centre is above the horizon at the dwelling (capped at 1).</summary>
    private double[] SunshineProbabilities(SunYear sun, Frame frame)
    {
        var possible = new double[12];
        var tanPhi = Math.Tan(frame.Latitude * Deg);
        for (var day = 0; day < sun.Days; day++)
        {
            var noon = day * 1440 + 720 - (int)Math.Round(frame.Longitude * 4);
            var x = -tanPhi * Math.Tan(sun.Declination[noon] * Deg);
            var halfDay = x <= -1 ? 180 : x >= 1 ? 0 : Math.Acos(x) / Deg;
            possible[sun.MonthOfDay(day) - 1] += 2 * halfDay / 15;
        }
        return [.. possible.Select((h, m) => h <= 0 ? 0 : Math.Min(1, Conventions.SunshineHours[m] / h))];
    }

    private static void AddSpells(List<FlickerSpell> calendar, SunYear sun, List<int> minutes, List<ulong> masks, List<Pair> pairs)
    {
        var i = 0;
        while (i < minutes.Count)
        {
            var j = i;
            var mask = masks[i];
            while (j + 1 < minutes.Count && minutes[j + 1] == minutes[j] + 1)
                mask |= masks[++j];
            var start = DanishTime.FromUtc(sun.UtcOf(minutes[i]));
            var end = DanishTime.FromUtc(sun.UtcOf(minutes[j] + 1));
            var ids = pairs.Where((_, p) => (mask & (1UL << (p % 64))) != 0).Select(p => p.Turbine.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            calendar.Add(new FlickerSpell(DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(end), j - i + 1, ids));
            i = j + 1;
        }
    }

    /// <summary>One day's flickering minutes (by minute of the day): the pairs' bits, and the Sun's direction at each.</summary>
    private sealed class DayBuffer
    {
        public readonly ulong[] Mask = new ulong[1440];
        public readonly double[] E = new double[1440], N = new double[1440], U = new double[1440];
    }

    /// <summary>The dwelling's place: latitude and longitude in degrees, and the Sun's direction there in east-north-up.</summary>
    private sealed class Frame(double latitude, double longitude)
    {
        public double Latitude { get; } = latitude;
        public double Longitude { get; } = longitude;
        public double SinPhi { get; } = Math.Sin(latitude * Deg);
        public double CosPhi { get; } = Math.Cos(latitude * Deg);

        public (double E, double N, double U) SunVector(SunYear sun, int minute)
        {
            var h = (sun.GreenwichHourAngle[minute] + Longitude) * Deg;
            var sinD = sun.SinDeclination[minute];
            var cosD = sun.CosDeclination[minute];
            var cosH = Math.Cos(h);
            return (-cosD * Math.Sin(h), CosPhi * sinD - SinPhi * cosD * cosH, SinPhi * sinD + CosPhi * cosD * cosH);
        }
    }

    /// <summary>One dwelling and one turbine: the hub as seen from the receptor, in east-north-up metres.</summary>
    private sealed class Pair
    {
        private readonly double _e, _n, _u, _length2, _radius2, _angularRadius, _declination, _hourAngle;
        /// <summary>Per wind sector, the hub's offset along the axis of a rotor facing it (metres).</summary>
        private readonly double[] _alongAxis;

        public Pair(FlickerTurbine turbine, Frame frame, double turbineLon, double turbineLat, double receptorHeight)
        {
            Turbine = turbine;
            var midLat = (frame.Latitude + turbineLat) / 2 * Deg;
            var w = 1 - EccentricitySquared * Math.Sin(midLat) * Math.Sin(midLat);
            var meridional = SemiMajor * (1 - EccentricitySquared) / (w * Math.Sqrt(w));
            var primeVertical = SemiMajor / Math.Sqrt(w);
            _n = (turbineLat - frame.Latitude) * Deg * meridional;
            _e = (turbineLon - frame.Longitude) * Deg * primeVertical * Math.Cos(midLat);
            _u = turbine.HubHeight - receptorHeight;
            HorizontalDistance = Math.Sqrt(_e * _e + _n * _n);
            _length2 = _e * _e + _n * _n + _u * _u;
            var radius = turbine.RotorDiameter / 2;
            _radius2 = radius * radius;
            var length = Math.Sqrt(_length2);
            _angularRadius = radius >= length ? 180 : Math.Asin(radius / length) / Deg;
            // The hub's direction as an hour angle and declination (the inverse of Frame.SunVector).
            _declination = Math.Asin((_n * frame.CosPhi + _u * frame.SinPhi) / length) / Deg;
            _hourAngle = Math.Atan2(-_e, _u * frame.CosPhi - _n * frame.SinPhi) / Deg;
            _alongAxis = [.. SectorAxes.Select(a => _e * a.E + _n * a.N)];
        }

        public FlickerTurbine Turbine { get; }
        public double HorizontalDistance { get; }

        /// <summary>
        /// Marks this pair's flickering minutes of day <paramref name="d"/> with its bit in <paramref name="day"/> (indexed by the
        /// minute of the day), widening [<paramref name="low"/>, <paramref name="high"/>] to cover them; returns how many.
        /// </summary>
        public int Minutes(SunYear sun, Frame frame, double sinMinimumElevation, int d, DayBuffer day, ulong bit, ref int low, ref int high)
        {
            var first = d * 1440;
            var dFirst = sun.Declination[first];
            var dLast = sun.Declination[first + 1439];
            var (dLow, dHigh) = dFirst < dLast ? (dFirst, dLast) : (dLast, dFirst);
            if (_angularRadius < 90 && (_declination + _angularRadius < dLow || _declination - _angularRadius > dHigh))
                return 0;
            if (_angularRadius >= 45)
                return Scan(sun, frame, sinMinimumElevation, day, bit, first, first, first + 1439, 180, ref low, ref high);
            // Minutes after the day's start at which the local hour angle reaches the hub's; the passage a day
            // earlier may also fall in this day (near midnight UTC, never in daylight in Denmark, kept for rigour).
            var h0 = sun.GreenwichHourAngle[first] + frame.Longitude;
            var ahead = ((_hourAngle - h0) % 360 + 360) % 360;
            var centre = first + (int)Math.Round(ahead / HourAnglePerMinute);
            var cosD = Math.Cos(Math.Max(Math.Abs(dLow), Math.Abs(dHigh)) * Deg);
            var half = (int)Math.Ceiling(_angularRadius / (HourAnglePerMinute * cosD)) + 3;
            var last = Math.Min(sun.Minutes - 1, first + 1439);
            var reach = HourAngleReach(dLow, dHigh);
            if (reach < 0)
                return 0;
            return Scan(sun, frame, sinMinimumElevation, day, bit, first, Math.Max(first, centre - 1440 - half), Math.Min(last, centre - 1440 + half), reach, ref low, ref high)
                + Scan(sun, frame, sinMinimumElevation, day, bit, first, Math.Max(first, centre - half), Math.Min(last, centre + half), reach, ref low, ref high);
        }

        /// <summary>
        /// How far (degrees) the Sun's hour angle can be from the hub's while the Sun is within the rotor's angular radius of it, on
        /// a day its declination spans [<paramref name="dLow"/>, <paramref name="dHigh"/>]; negative when it cannot come that near.
        /// By the haversine formula hav(sep) = hav(Δδ) + cos δ·cos δ_hub·hav(ΔH): sep &lt; ρ needs hav(ΔH) &lt; (hav ρ − hav Δδ_min) /
        /// (cos δ_max·cos δ_hub). Padded (0.01° of declination, 10⁻⁴° of angle) so that rounding never drops a minute that flickers.
        /// </summary>
        private double HourAngleReach(double dLow, double dHigh)
        {
            const double padDeclination = 0.01, padAngle = 1e-4;
            (dLow, dHigh) = (dLow - padDeclination, dHigh + padDeclination);
            var nearest = _declination < dLow ? dLow - _declination : _declination > dHigh ? _declination - dHigh : 0;
            var cosProduct = Math.Cos(Math.Max(Math.Abs(dLow), Math.Abs(dHigh)) * Deg) * Math.Cos(_declination * Deg);
            var room = Haversine(_angularRadius + padAngle) - Haversine(nearest);
            if (room <= 0)
                return -1;
            if (cosProduct <= 1e-9 || room >= cosProduct)
                return 180;
            return 2 * Math.Asin(Math.Sqrt(room / cosProduct)) / Deg + padAngle;
        }

        private static double Haversine(double degrees)
        {
            var half = Math.Sin(degrees * Deg / 2);
            return half * half;
        }

        /// <summary>The minutes from–to that flicker, skipping without trigonometry those whose hour angle is beyond <paramref name="reach"/> of the hub's.</summary>
        private int Scan(SunYear sun, Frame frame, double sinMinimumElevation, DayBuffer day, ulong bit, int first, int from, int to, double reach, ref int low, ref int high)
        {
            var count = 0;
            for (var m = from; m <= to; m++)
            {
                var apart = sun.GreenwichHourAngle[m] + frame.Longitude - _hourAngle;
                if (Math.Abs(apart - 360 * Math.Round(apart / 360)) > reach)
                    continue;
                var (sE, sN, sU) = frame.SunVector(sun, m);
                if (sU < sinMinimumElevation)
                    continue;
                var along = sE * _e + sN * _n + sU * _u;
                if (along <= 0 || _length2 - along * along >= _radius2)
                    continue;
                count++;
                var k = m - first;
                day.Mask[k] |= bit;
                (day.E[k], day.N[k], day.U[k]) = (sE, sN, sU);
                low = Math.Min(low, k);
                high = Math.Max(high, k);
            }
            return count;
        }

        /// <summary>
        /// Whether the ray towards the Sun crosses the rotor disc when the rotor's axis is horizontal along the sector's axis
        /// (<paramref name="sn"/>: the Sun's direction along that axis, not 0).
        /// </summary>
        public bool HitsFacing((double E, double N, double U) s, double sn, int sector)
        {
            var t = _alongAxis[sector] / sn;
            if (t <= 0)
                return false;
            var qE = t * s.E - _e;
            var qN = t * s.N - _n;
            var qU = t * s.U - _u;
            return qE * qE + qN * qN + qU * qU < _radius2;
        }
    }
}
