using System.Text.Json;
using VeSiting.Core.Explanations;

namespace VeSiting.Core.Tests.Explanations;

public class MessageCatalogueTests
{
    [Fact]
    public void Every_language_has_every_code_with_the_same_placeholders()
    {
        var english = MessageCatalogue.English;
        Assert.True(MessageCatalogue.Languages.Count >= 2);
        foreach (var catalogue in MessageCatalogue.Languages.Values)
        {
            Assert.Equal(english.Codes.OrderBy(c => c, StringComparer.Ordinal), catalogue.Codes.OrderBy(c => c, StringComparer.Ordinal));
            foreach (var code in english.Codes)
            {
                var expected = MessageCatalogue.Placeholders(english.Template(code)!).Order(StringComparer.Ordinal);
                var actual = MessageCatalogue.Placeholders(catalogue.Template(code)!).Order(StringComparer.Ordinal);
                Assert.True(expected.SequenceEqual(actual), $"{catalogue.Language}: '{code}' names other values than English");
            }
        }
    }

    [Fact]
    public void Numbers_are_written_the_way_each_language_writes_them()
    {
        var reason = Reason.Of("general.not-assessable", ("what", "noise"), ("why", Reason.Of("general.not-assessable", ("what", 1234.5), ("why", "x"))));
        Assert.Equal("noise cannot be assessed: 1,234.5 cannot be assessed: x", reason.Render(MessageCatalogue.English));
        Assert.Equal("noise kan ikke vurderes: 1.234,5 kan ikke vurderes: x", reason.Render(MessageCatalogue.Danish));
    }

    [Fact]
    public void A_code_outside_the_catalogue_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Reason.Of("no.such.code"));
        Assert.Contains("no.such.code", error.Message);
    }

    [Theory]
    [InlineData("da-DK,da;q=0.9", "da")]
    [InlineData("en-GB", "en")]
    [InlineData("fr", null)]
    public void Languages_are_found_by_their_primary_code(string asked, string? found) =>
        Assert.Equal(found, MessageCatalogue.Find(asked)?.Language);

    [Fact]
    public void Json_carries_code_values_and_the_english_text()
    {
        var json = JsonSerializer.Serialize(Reason.Of("general.not-assessable", ("what", "flicker"), ("why", 2.5)), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Equal("""{"code":"general.not-assessable","values":{"what":"flicker","why":2.5},"text":"flicker cannot be assessed: 2.5"}""", json);
    }
}
