using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Athar.Web.Infrastructure;

/// <summary>
/// NUL (U+0000) is never part of real text, and PostgreSQL refuses it in text columns: a value carrying one
/// would fail at the database as a server error. Both doors refuse it up front as bad input instead: JSON
/// strings in API bodies (a 400 ProblemDetails, like any malformed JSON) and posted form fields (a 400 page).
/// </summary>
public sealed class NulRejectingStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            throw new JsonException("Text cannot contain NUL characters.");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Refuses a posted form with a NUL character in any field, or one the form reader cannot read, as a 400 page (see <see cref="NulRejectingStringConverter"/>).</summary>
public sealed class NulRejectingFormFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        // The error page re-executed for this request's 400 must not refuse it again.
        if (request.HasFormContentType && context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            try
            {
                var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                if (form.Any(field => field.Value.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal))))
                {
                    context.Result = new Microsoft.AspNetCore.Mvc.BadRequestResult();
                    return;
                }
            }
            catch (InvalidDataException)
            {
                // The form reader itself refuses some of it (NUL in a url-encoded value, over-long keys): bad input too.
                context.Result = new Microsoft.AspNetCore.Mvc.BadRequestResult();
                return;
            }
        }
        await next();
    }
}
