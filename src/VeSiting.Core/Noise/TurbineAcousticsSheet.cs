namespace VeSiting.Core.Noise;

/// <summary>One row of a turbine-acoustics file: a manufacturer's model in one operating mode and its sound power.</summary>
public sealed record TurbineAcousticsSheet(string Manufacturer, string Model, string Mode, TurbineAcoustics Acoustics, RecordOrigin Origin)
{
    public string ManufacturerKey => TurbineModelName.Manufacturer(Manufacturer);
    public string ModelKey => TurbineModelName.Model(Model);
}
