namespace VeSiting.Core.Tariffs.Impact;

/// <summary>The region or municipality an impact is asked for is not in the data; the reason as a code and values.</summary>
public sealed class AreaNotFoundException(Reason because) : KeyNotFoundException(because.Text)
{
    public Reason Because { get; } = because;
}
