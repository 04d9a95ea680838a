namespace VeSiting.Cli.Commands;

/// <summary>Options every assessment shares: which rules, which year's prices, which tariff scenarios.</summary>
public class AssessSettings : QuerySettings
{
    [CommandOption("--rules <DIR>")]
    [Description("A folder of your own rule sets, price stacks, scenarios or profiles (repeatable; also $VESITING_RULES). They win over the defaults where they overlap.")]
    public string[] RuleFolders { get; init; } = [];

    [CommandOption("--year <YEAR>")]
    [Description("Price stack year (default: this year).")]
    public int? Year { get; init; }

    [CommandOption("--scenario <ID>")]
    [Description("Tariff scenario (repeatable; default: all shipped scenarios).")]
    public string[] Scenarios { get; init; } = [];

    [CommandOption("--today <DATE>")]
    [Description("The date assumed for planned plants without a permit date (default: today).")]
    public string? Today { get; init; }
}
