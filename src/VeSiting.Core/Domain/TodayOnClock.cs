namespace VeSiting.Core.Domain;

/// <summary>"Today" as every front end reads it: the date of the clock's local time (the date whose rules are in force).</summary>
public static class TodayOnClock
{
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
