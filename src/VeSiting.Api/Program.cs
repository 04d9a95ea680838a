using VeSiting.Api.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddVeSiting();

var app = builder.Build();
await app.Services.GetRequiredService<ServiceData>().InitializeAsync();
app.UseVeSiting();

app.MapCollections();
app.MapAssessments();
app.MapCompare();
app.MapSites();
app.MapScenarioImpact();
app.MapClassify();
app.MapTiles();
app.MapImports();
app.MapProjects();
app.MapShadowFlicker();
app.MapNoiseBands();
app.MapRules();
app.MapHealth();

app.Run();
