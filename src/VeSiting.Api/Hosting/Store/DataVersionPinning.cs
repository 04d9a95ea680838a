namespace VeSiting.Api.Hosting;

/// <summary>Every request on PostGIS answers from one data version (<see cref="ServiceData.PinToOneVersion"/>).</summary>
public static class DataVersionPinning
{
    public static void UseDataVersionPinning(this WebApplication app)
    {
        var data = app.Services.GetRequiredService<ServiceData>();
        app.Use(async (context, next) =>
        {
            if (data.PinToOneVersion() is { } pinned)
                context.Response.RegisterForDisposeAsync(pinned);
            await next(context);
        });
    }
}
