namespace VeSiting.Api.Hosting.Validation;

/// <summary>
/// Limits of the HTTP request itself, documented in README's limits section; the ranges of the values a question
/// carries (consumption, turbine sizes, cell size, year) are the core's <see cref="Core.Questions.InputLimits"/>.
/// </summary>
public static class InputRanges
{
    /// <summary>Largest offset into a collection's items.</summary>
    public const int MaxOffset = 10_000_000;
    /// <summary>Longest path and query the service reads (longer: 414), and the most header bytes (more: 431).</summary>
    public const int MaxUrlLength = 8_192;
    public const int MaxHeaderBytes = 32_768;
}
