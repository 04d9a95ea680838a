using VeSiting.Core.Domain;

namespace VeSiting.Core.Tests.Domain;

public sealed class PlantTests
{
    [Fact]
    public void Total_height_is_hub_height_plus_half_the_rotor()
    {
        // User journey 1: hub 95 m, rotor 110 m → 95 + 55 = 150 m.
        var plant = PlannedPlants.Turbine("t", 638500, 6150500, hubHeightM: 95, rotorDiameterM: 110, capacityKw: 4200);
        Assert.Equal(150, plant.TotalHeightM);
        Assert.Equal(4.2, plant.CapacityMw);
        Assert.Equal(PlantStatus.Planned, plant.Status);
    }

    [Fact]
    public void Total_height_is_unknown_when_either_dimension_is()
    {
        var plant = PlannedPlants.Turbine("t", 638500, 6150500, 95, 110) with { RotorDiameterM = null };
        Assert.Null(plant.TotalHeightM);
    }

    [Theory]
    [InlineData(4, 600)]
    [InlineData(6, 900)]
    [InlineData(8, 1200)]
    public void Rings_are_multiples_of_total_height(double k, double expectedMetres)
    {
        var plant = PlannedPlants.Turbine("t", 638500, 6150500, 95, 110);
        Assert.Equal(expectedMetres, NeighbourRadius.MultipleOfTotalHeight(plant, k));
    }

    [Fact]
    public void A_ring_of_a_plant_without_height_is_a_clear_error()
    {
        var plant = PlannedPlants.Turbine("t", 638500, 6150500, 95, 110) with { HubHeightM = null };
        var e = Assert.Throws<InvalidOperationException>(() => NeighbourRadius.MultipleOfTotalHeight(plant, 4));
        Assert.Contains("no known total height", e.Message);
    }

    [Theory]
    [InlineData(0, 110)]
    [InlineData(-5, 110)]
    [InlineData(95, -1)]
    [InlineData(double.NaN, 110)]
    public void Planned_turbines_refuse_impossible_dimensions(double hub, double rotor)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlannedPlants.Turbine("t", 638500, 6150500, hub, rotor));
    }

    [Fact]
    public void Latest_annual_production_is_the_most_recent_year()
    {
        var plant = PlannedPlants.Turbine("t", 0, 0, 95, 110) with
        {
            AnnualProductionKwh = new Dictionary<int, double> { [2019] = 5, [2021] = 7, [2020] = 6 },
        };
        Assert.Equal((2021, 7.0), plant.LatestAnnualProduction);
    }
}
