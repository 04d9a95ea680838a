namespace VeSiting.Core.Domain;

/// <summary>How precise a date taken from a source is.</summary>
public enum DatePrecision
{
    Day,
    /// <summary>Only the year is known; the date held is the year's first day.</summary>
    Year,
}
