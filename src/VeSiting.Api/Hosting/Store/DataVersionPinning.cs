namespace VeSiting.Api.Hosting;

/// <summary>Every request on PostGIS answers from one data version (<see cref="StoreHost.PinToOneVersion"/>).</summary>
public static class DataVersionPinning
{
    public static void UseDataVersionPinning(this WebApplication app)
    {
        var stores = app.Services.GetRequiredService<StoreHost>();
        app.Use(async (context, next) =>
        {
            if (stores.PinToOneVersion() is { } pinned)
                context.Response.RegisterForDisposeAsync(pinned);
            await next(context);
        });
    }
}
