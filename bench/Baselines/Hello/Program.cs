// The plaintext test of the TechEmpower benchmarks: what Kestrel alone serves on this machine.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/plaintext", () => "Hello, World!");
await app.RunAsync();
