using VeSiting.Core.ShadowFlicker;
using VeSiting.Core.Spatial;

namespace VeSiting.Core.Tests.ShadowFlicker.Before;

/// <summary>
/// The shadow-flicker calculator as it was before the minutes were gathered day by day into an array (commit 8c24390), kept
/// verbatim as the reference the faster one must agree with exactly (a dictionary of minutes, Danish time worked out per
/// minute). Its own agreement with the independent script (flicker_reference.py) is what ShadowFlickerCalculatorTests checked.
/// </summary>
internal sealed class ShadowFlickerCalculatorBefore(ShadowFlickerConventions conventions)
{
    private const double Deg = Math.PI / 180;
    private const double SemiMajor = 6378137;
    private const double EccentricitySquared = 0.00669438002290;
    /// <summary>Degrees of hour angle a minute (the Sun's apparent daily motion, 360.9856° a sidereal-day's worth).</summary>
    private const double HourAnglePerMinute = 0.2507;

    public ShadowFlickerConventions Conventions { get; } = conventions;

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

        // Minute of the year → bit mask of the pairs flickering then (pairs beyond 64 share bits: only unions and counts use it).
        var hits = new Dictionary<int, ulong>();
        var perTurbine = new int[pairs.Count];
        var sinMin = Math.Sin(Conventions.MinimumSunElevation * Deg);
        for (var p = 0; p < pairs.Count; p++)
            perTurbine[p] = pairs[p].Minutes(sun, frame, sinMin, hits, 1UL << (p % 64));

        var minutes = hits.Keys.ToArray();
        Array.Sort(minutes);
        var sunshine = SunshineProbabilities(sun, frame);
        var expectedMinutes = 0.0;
        var days = 0;
        var maxPerDay = 0;
        var dayStart = 0;
        for (var i = 0; i < minutes.Length; i++)
        {
            var utc = sun.UtcOf(minutes[i]);
            var local = DanishTime.FromUtc(utc);
            expectedMinutes += sunshine[local.Month - 1] * OperatingWeight(sun, frame, minutes[i], hits[minutes[i]], pairs);
            var sameDay = i > 0 && DanishTime.FromUtc(sun.UtcOf(minutes[i - 1])).Date == local.Date;
            if (!sameDay)
            {
                if (i > 0)
                    maxPerDay = Math.Max(maxPerDay, i - dayStart);
                days++;
                dayStart = i;
            }
        }
        maxPerDay = Math.Max(maxPerDay, minutes.Length - dayStart);
        if (calendar is not null)
            AddSpells(calendar, sun, minutes, hits, pairs);
        var parts = pairs.Select((p, i) => new TurbineFlicker(p.Turbine.Id, perTurbine[i], p.HorizontalDistance))
            .Where(t => t.WorstCaseMinutes > 0).OrderByDescending(t => t.WorstCaseMinutes).ThenBy(t => t.TurbineId, StringComparer.Ordinal).ToList();
        return new DwellingFlicker(dwelling.Id, year, minutes.Length, days, maxPerDay, expectedMinutes / 60, parts);
    }

    /// <summary>Share of the year's operation in which some flickering rotor, facing the wind's sector, still stands before the Sun.</summary>
    private double OperatingWeight(SunYear sun, Frame frame, int minute, ulong mask, List<Pair> pairs)
    {
        var s = frame.SunVector(sun, minute);
        var weight = 0.0;
        for (var sector = 0; sector < ShadowFlickerConventions.SectorCentres.Length; sector++)
        {
            var share = Conventions.OperatingShares[sector];
            if (share <= 0)
                continue;
            var theta = ShadowFlickerConventions.SectorCentres[sector] * Deg;
            var (nE, nN) = (Math.Sin(theta), Math.Cos(theta));
            for (var p = 0; p < pairs.Count; p++)
            {
                if ((mask & (1UL << (p % 64))) != 0 && pairs[p].HitsFacing(s, nE, nN))
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
            possible[sun.Start.AddDays(day).Month - 1] += 2 * halfDay / 15;
        }
        return [.. possible.Select((h, m) => h <= 0 ? 0 : Math.Min(1, Conventions.SunshineHours[m] / h))];
    }

    private static void AddSpells(List<FlickerSpell> calendar, SunYear sun, int[] minutes, Dictionary<int, ulong> hits, List<Pair> pairs)
    {
        var i = 0;
        while (i < minutes.Length)
        {
            var j = i;
            var mask = hits[minutes[i]];
            while (j + 1 < minutes.Length && minutes[j + 1] == minutes[j] + 1)
                mask |= hits[minutes[++j]];
            var start = DanishTime.FromUtc(sun.UtcOf(minutes[i]));
            var end = DanishTime.FromUtc(sun.UtcOf(minutes[j] + 1));
            var ids = pairs.Where((_, p) => (mask & (1UL << (p % 64))) != 0).Select(p => p.Turbine.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            calendar.Add(new FlickerSpell(DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(end), j - i + 1, ids));
            i = j + 1;
        }
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
        }

        public FlickerTurbine Turbine { get; }
        public double HorizontalDistance { get; }

        /// <summary>Adds this pair's flickering minutes to <paramref name="hits"/> with its bit; returns how many.</summary>
        public int Minutes(SunYear sun, Frame frame, double sinMinimumElevation, Dictionary<int, ulong> hits, ulong bit)
        {
            var count = 0;
            var total = sun.Minutes;
            for (var day = 0; day < sun.Days; day++)
            {
                var first = day * 1440;
                var dFirst = sun.Declination[first];
                var dLast = sun.Declination[first + 1439];
                var (dLow, dHigh) = dFirst < dLast ? (dFirst, dLast) : (dLast, dFirst);
                if (_angularRadius < 90 && (_declination + _angularRadius < dLow || _declination - _angularRadius > dHigh))
                    continue;
                if (_angularRadius >= 45)
                {
                    count += Scan(sun, frame, sinMinimumElevation, hits, bit, first, first + 1439);
                    continue;
                }
                // Minutes after the day's start at which the local hour angle reaches the hub's; the passage a day
                // earlier may also fall in this day (near midnight UTC, never in daylight in Denmark, kept for rigour).
                var h0 = sun.GreenwichHourAngle[first] + frame.Longitude;
                var ahead = ((_hourAngle - h0) % 360 + 360) % 360;
                var centre = first + (int)Math.Round(ahead / HourAnglePerMinute);
                var cosD = Math.Cos(Math.Max(Math.Abs(dLow), Math.Abs(dHigh)) * Deg);
                var half = (int)Math.Ceiling(_angularRadius / (HourAnglePerMinute * cosD)) + 3;
                var last = Math.Min(total - 1, first + 1439);
                count += Scan(sun, frame, sinMinimumElevation, hits, bit, Math.Max(first, centre - 1440 - half), Math.Min(last, centre - 1440 + half));
                count += Scan(sun, frame, sinMinimumElevation, hits, bit, Math.Max(first, centre - half), Math.Min(last, centre + half));
            }
            return count;
        }

        private int Scan(SunYear sun, Frame frame, double sinMinimumElevation, Dictionary<int, ulong> hits, ulong bit, int from, int to)
        {
            var count = 0;
            for (var m = from; m <= to; m++)
            {
                var (sE, sN, sU) = frame.SunVector(sun, m);
                if (sU < sinMinimumElevation)
                    continue;
                var along = sE * _e + sN * _n + sU * _u;
                if (along <= 0 || _length2 - along * along >= _radius2)
                    continue;
                count++;
                hits[m] = hits.TryGetValue(m, out var mask) ? mask | bit : bit;
            }
            return count;
        }

        /// <summary>Whether the ray towards the Sun crosses the rotor disc when the rotor's axis is horizontal along (nE, nN).</summary>
        public bool HitsFacing((double E, double N, double U) s, double nE, double nN)
        {
            var sn = s.E * nE + s.N * nN;
            if (Math.Abs(sn) < 1e-12)
                return false;
            var t = (_e * nE + _n * nN) / sn;
            if (t <= 0)
                return false;
            var qE = t * s.E - _e;
            var qN = t * s.N - _n;
            var qU = t * s.U - _u;
            return qE * qE + qN * qN + qU * qU < _radius2;
        }
    }
}
