using System.Text;
using System.Text.Encodings.Web;
using Npgsql;

// Like the Fortunes test of the TechEmpower benchmarks, on Athar's own data: the next 20 published
// opportunities by the (Status, NextShiftStartsAt, Id) index, HTML-encoded into a list. No EF, no
// identity, no localisation: what any database page on this machine can at best reach.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connection = builder.Configuration.GetConnectionString("Athar") ?? throw new InvalidOperationException("ConnectionStrings__Athar is not set.");
builder.Services.AddSingleton(NpgsqlDataSource.Create(connection));
var app = builder.Build();
var encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
app.MapGet("/list", async (NpgsqlDataSource data, CancellationToken cancellationToken) =>
{
    await using var command = data.CreateCommand(
        "SELECT \"Id\", \"TitleAr\" FROM \"Opportunities\" WHERE \"Status\" = 2 AND \"NextShiftStartsAt\" > now() ORDER BY \"NextShiftStartsAt\", \"Id\" LIMIT 20");
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    var html = new StringBuilder("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>فرص</title></head><body><ul>");
    while (await reader.ReadAsync(cancellationToken))
        html.Append("<li><a href=\"/opportunities/").Append(reader.GetGuid(0)).Append("\">").Append(encoder.Encode(reader.GetString(1))).Append("</a></li>");
    html.Append("</ul></body></html>");
    return Results.Content(html.ToString(), "text/html; charset=utf-8");
});
await app.RunAsync();
