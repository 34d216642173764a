using Athar.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddAtharServices();

var app = builder.Build();

await app.InitializeDatabaseAsync();

app.UseAtharPipeline();
app.MapAtharEndpoints();

await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory&lt;Program&gt; can host the app in tests.</summary>
public partial class Program;
