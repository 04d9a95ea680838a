namespace VeSiting.Core.Sun;

/// <summary>
/// The Sun at one instant as seen from the Earth's centre, in degrees: the part of NREL's SPA that does not depend
/// on the observer (computed once per instant, shared by every place).
/// </summary>
/// <param name="RightAscension">Geocentric apparent right ascension α.</param>
/// <param name="Declination">Geocentric apparent declination δ.</param>
/// <param name="SiderealTime">Apparent sidereal time at Greenwich ν.</param>
/// <param name="Parallax">Equatorial horizontal parallax of the Sun ξ.</param>
public readonly record struct GeocentricSun(double RightAscension, double Declination, double SiderealTime, double Parallax);

/// <summary>Where the observer is: latitude and longitude in degrees (east positive, WGS84/ETRS89) and elevation in metres.</summary>
public readonly record struct Observer(double Latitude, double Longitude, double Elevation = 0);

/// <summary>The air for atmospheric refraction: pressure in millibars and temperature in °C (SPA's refraction model).</summary>
public readonly record struct Atmosphere(double PressureMbar, double TemperatureC);

/// <summary>
/// The Sun seen by an observer, in degrees: topocentric elevation (with refraction if an atmosphere was given),
/// zenith angle (90° − elevation) and azimuth (clockwise from north).
/// </summary>
public readonly record struct SunPosition(double Elevation, double Azimuth)
{
    public double Zenith => 90 - Elevation;
}
