namespace VeSiting.Cli.Commands;

/// <summary>A planned turbine's <c>--hub</c>, <c>--rotor</c> and <c>--capacity-kw</c> checked by the same plausibility ranges as the service's bodies and layout files (<see cref="PlantSizes"/>).</summary>
internal static class TurbineArguments
{
    public static void Check(double? hub, double? rotor, double? capacityKw)
    {
        foreach (var (option, name, value) in new[] { ("--hub", PlantSizes.HubHeight, hub), ("--rotor", PlantSizes.RotorDiameter, rotor), ("--capacity-kw", PlantSizes.CapacityKw, capacityKw) })
            if (value is { } v && PlantSizes.Problem(name, v) is { } reason)
                throw new UsageException($"{option}: {reason}");
    }
}
