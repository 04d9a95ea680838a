using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Data.Sources;

namespace VeSiting.Api.Tests.Security;

/// <summary>
/// <c>POST /api/imports</c> with a file: checked by the source's importer, served once indexed, and only then recorded as
/// the source's edition; a bad file fails the import with file, row and column, and the previous data keeps serving.
/// </summary>
public sealed class UploadImportApiTests : IDisposable
{
    private const string Key = "upload-test-key-0123456789";
    private readonly string _cache = Directory.CreateTempSubdirectory("vesiting-upload-cache-").FullName;

    public UploadImportApiTests()
    {
        var real = ProjectLayout.Locate().DefaultCacheDirectory;
        foreach (var file in Directory.EnumerateFiles(real, "*", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}added{Path.DirectorySeparatorChar}") && !f.EndsWith(SourceOverlay.FileName)))
        {
            var target = Path.Combine(_cache, Path.GetRelativePath(real, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private WebApplicationFactory<Program> Service() => new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
        .UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:ApiKeys:0", Key).UseSetting("VeSiting:CacheDirectory", _cache)
        .UseSetting("VeSiting:StateDirectory", Path.Combine(_cache, "state")));

    private static async Task<JsonElement> WaitAsync(HttpClient client, HttpResponseMessage started)
    {
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = JsonDocument.Parse(await client.GetStringAsync(started.Headers.Location)).RootElement;
            if (job.GetProperty("stage").GetString() is "succeeded" or "failed")
                return job;
            await Task.Delay(200);
        }
        throw new TimeoutException("the import did not finish within two minutes");
    }

    private static HttpRequestMessage Raw(string query, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports" + query) { Content = new StringContent(body, Encoding.UTF8, "text/csv") };
        request.Headers.Add("X-Api-Key", Key);
        return request;
    }

    private static async Task<string> ServedVersionAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("dataVersion").GetString()!;

    [Fact]
    public async Task An_uploaded_permit_dates_file_is_served_and_becomes_the_current_edition()
    {
        using var service = Service();
        var client = service.CreateClient();
        var before = await ServedVersionAsync(client);
        using var request = Raw("?source=permit-dates&name=permits.csv", "gsrn,permit_date\n570715000000045608,1996-11-20\n570715999999999999,2020-01-01\n");

        var job = await WaitAsync(client, await client.SendAsync(request));

        Assert.Equal("succeeded", job.GetProperty("stage").GetString());
        Assert.Equal(("permit-dates", "permits.csv"), (job.GetProperty("source").GetString(), job.GetProperty("file").GetString()));
        Assert.Equal(2, job.GetProperty("progress").GetProperty("read:permit-dates").GetInt64());
        Assert.Equal(1, job.GetProperty("progress").GetProperty("skipped:permit-dates").GetInt64()); // the unknown GSRN
        Assert.NotEqual(before, await ServedVersionAsync(client));
        Assert.Equal(job.GetProperty("dataVersion").GetString(), await ServedVersionAsync(client));
        Assert.Equal("permits.csv", SourceOverlay.Load(_cache).Find("permit-dates")!.OriginalName);
    }

    [Fact]
    public async Task A_multipart_upload_with_an_error_fails_naming_row_and_column_and_the_previous_data_keeps_serving()
    {
        using var service = Service();
        var client = service.CreateClient();
        var before = await ServedVersionAsync(client);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("permit-dates"), "source" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("gsrn,permit_date\n570715000000045608,20-11-1996\n")) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "permits.csv" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        request.Headers.Add("X-Api-Key", Key);

        var job = await WaitAsync(client, await client.SendAsync(request));

        Assert.Equal("failed", job.GetProperty("stage").GetString());
        Assert.Contains("permits.csv row 2 column 'permit_date'", job.GetProperty("error").GetString());
        Assert.Equal(before, await ServedVersionAsync(client));
        Assert.Null(SourceOverlay.Load(_cache).Find("permit-dates"));
        Assert.False(Directory.Exists(Path.Combine(_cache, SourceOverlay.AddedFolder, "permit-dates")));
    }

    // Turbine 570715000000045608 in the wind register (ENS, January 2022): NEG Micon, type designation "NM 1800-600/150", 600 kW,
    // rotor 48 m, hub 46 m. Without a data sheet its sound power is estimated from the rotor diameter.
    private const string Turbine = "570715000000045608";

    private static async Task<JsonElement> SoundPowerAsync(HttpClient client)
    {
        using var answer = JsonDocument.Parse(await client.GetStringAsync($"/api/assess/plant/{Turbine}"));
        return answer.RootElement.GetProperty("noise").GetProperty("turbines").EnumerateArray().Single(t => t.GetProperty("id").GetString() == Turbine).Clone();
    }

    [Fact]
    public async Task An_uploaded_turbine_acoustics_file_gives_register_turbines_of_its_model_their_data_sheet_sound_power()
    {
        using var service = Service();
        var client = service.CreateClient();
        Assert.Equal("estimate-by-rotor-diameter", (await SoundPowerAsync(client)).GetProperty("basis").GetString());
        // Manufacturer and model are matched normalised (case, spaces); of two modes the louder at 8 m/s is used.
        using var request = Raw("?source=turbine-acoustics&name=acoustics.csv",
            "manufacturer,model,mode,lwa_6ms_db,lwa_8ms_db\nneg micon,NM 1800-600/150,low,96.0,98.0\nNEG Micon,NM  1800-600/150,standard,99.0,101.5\n");

        var job = await WaitAsync(client, await client.SendAsync(request));

        Assert.Equal("succeeded", job.GetProperty("stage").GetString());
        Assert.Equal(job.GetProperty("dataVersion").GetString(), await ServedVersionAsync(client));
        var turbine = await SoundPowerAsync(client);
        Assert.Equal(("data-sheet", 99.0, 101.5, false), (turbine.GetProperty("basis").GetString(), turbine.GetProperty("lwa6").GetDouble(),
            turbine.GetProperty("lwa8").GetDouble(), turbine.GetProperty("estimate").GetBoolean()));
        Assert.Contains("acoustics.csv row 3", turbine.GetProperty("soundPower").GetString());
        Assert.Equal("acoustics.csv", SourceOverlay.Load(_cache).Find("turbine-acoustics")!.OriginalName);
    }

    [Theory]
    [InlineData("NEG Micon,NM 1800-600/150,standard,99.0,131.0,", "acoustics.csv row 2 column 'lwa_8ms_db'")]
    [InlineData("NEG Micon,NM 1800-600/150,standard,99.0,101.5,86 93 97 98.5 98 95 89", "acoustics.csv row 2 column 'lwa_octaves_8ms_db'")]
    public async Task A_bad_turbine_acoustics_file_fails_naming_file_row_and_column_and_the_previous_data_keeps_serving(string row, string where)
    {
        // 131 dB(A) is over the plausible 130 (noise-estimates rule set); an octave spectrum has 8 values (63 Hz–8 kHz), not 7.
        using var service = Service();
        var client = service.CreateClient();
        var before = await ServedVersionAsync(client);
        using var request = Raw("?source=turbine-acoustics&name=acoustics.csv", $"manufacturer,model,mode,lwa_6ms_db,lwa_8ms_db,lwa_octaves_8ms_db\n{row}\n");

        var job = await WaitAsync(client, await client.SendAsync(request));

        Assert.Equal("failed", job.GetProperty("stage").GetString());
        Assert.Contains(where, job.GetProperty("error").GetString());
        Assert.Equal(before, await ServedVersionAsync(client));
        Assert.Null(SourceOverlay.Load(_cache).Find("turbine-acoustics"));
        Assert.Equal("estimate-by-rotor-diameter", (await SoundPowerAsync(client)).GetProperty("basis").GetString());
    }

    // Three addresses on Samsø (inside 0741's DAGI polygon: the positions of three real Samsø address nodes, rounded).
    private const string PartialExtract = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lat="55.8576" lon="10.6087"><tag k="addr:street" v="Langgade"/><tag k="addr:housenumber" v="1"/><tag k="addr:postcode" v="8305"/></node>
          <node id="2" lat="55.8580" lon="10.6090"><tag k="addr:street" v="Langgade"/><tag k="addr:housenumber" v="3"/><tag k="addr:postcode" v="8305"/></node>
          <node id="3" lat="55.8584" lon="10.6093"><tag k="addr:street" v="Langgade"/><tag k="addr:housenumber" v="5"/><tag k="addr:postcode" v="8305"/></node>
        </osm>
        """;

    [Fact]
    public async Task An_uploaded_openstreetmap_extract_is_served_for_the_municipalities_it_holds_and_coverage_says_how_thin()
    {
        using var service = Service();
        var client = service.CreateClient();
        using var request = Raw("?source=osm&name=langgade.osm", PartialExtract);

        var job = await WaitAsync(client, await client.SendAsync(request));

        Assert.Equal("succeeded", job.GetProperty("stage").GetString());
        Assert.Equal(3, job.GetProperty("progress").GetProperty("read:osm").GetInt64());
        using var answer = JsonDocument.Parse(await client.GetStringAsync("/api/assess/municipality/741"));
        var coverage = answer.RootElement.GetProperty("addressCoverage");
        // 3 addresses against FOLK1A 2024's 3,694 persons in Samsø / 2.13 persons per dwelling = 1,734.3 dwellings: under a tenth.
        Assert.Equal((3, false), (coverage.GetProperty("addresses").GetInt32(), coverage.GetProperty("covered").GetBoolean()));
        Assert.Equal(["osm"], coverage.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.StartsWith("the address data holds 3 addresses in 0741 Samsø, where its population (3,694) implies about 1,734 dwellings", coverage.GetProperty("statement").GetString());
    }

    [Fact]
    public async Task An_openstreetmap_file_cut_off_fails_naming_file_and_element_and_the_previous_data_keeps_serving()
    {
        using var service = Service();
        var client = service.CreateClient();
        var before = await ServedVersionAsync(client);
        using var request = Raw("?source=osm&name=cut.osm", PartialExtract[..PartialExtract.IndexOf("<node id=\"3\"", StringComparison.Ordinal)]);

        var job = await WaitAsync(client, await client.SendAsync(request));

        Assert.Equal("failed", job.GetProperty("stage").GetString());
        Assert.Contains("cut.osm: the OpenStreetMap XML data breaks off or is corrupt after element 2 (node/2)", job.GetProperty("error").GetString());
        Assert.Equal(before, await ServedVersionAsync(client));
        Assert.Null(SourceOverlay.Load(_cache).Find("osm"));
    }

    [Fact]
    public async Task An_upload_for_an_unknown_source_is_a_problem_naming_source()
    {
        using var service = Service();
        using var request = Raw("?source=wind", "x");

        var response = await service.CreateClient().SendAsync(request);

        await Api.Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "source");
    }

    [Fact]
    public async Task An_upload_without_a_key_is_refused()
    {
        using var service = Service();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports?source=permit-dates") { Content = new StringContent("gsrn,permit_date\n") };

        var response = await service.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
