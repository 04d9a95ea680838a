namespace VeSiting.Core.ShadowFlicker;

/// <summary>
/// Danish clock time: CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
/// last Sunday of October (the EU rule, Directive 2000/84/EC). Written out so the core reads no time-zone database.
/// </summary>
public static class DanishTime
{
    public static DateTime FromUtc(DateTime utc)
    {
        var (summerFrom, summerTo) = SummerTime(utc.Year);
        var offset = utc >= summerFrom && utc < summerTo ? 2 : 1;
        return DateTime.SpecifyKind(utc.AddHours(offset), DateTimeKind.Unspecified);
    }

    /// <summary>The UTC offset in hours at a UTC instant (1 or 2).</summary>
    public static int OffsetHours(DateTime utc) => (int)(FromUtc(utc) - DateTime.SpecifyKind(utc, DateTimeKind.Unspecified)).TotalHours;

    /// <summary>The UTC instants summer time (CEST) begins and ends in a year.</summary>
    public static (DateTime From, DateTime To) SummerTime(int year) => (LastSunday(year, 3).AddHours(1), LastSunday(year, 10).AddHours(1));

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
