using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Security;

/// <summary>
/// Use cases that look an object up by its id and its owner answer "not found" alike for an unknown id and for
/// someone else's object. On that refusal path only, one more lookup tells the two apart, and someone else's object is
/// logged as <see cref="SecurityEvents.ObjectAccessRefused(HttpContext, string, Guid, string)"/> (1032, ASVS 16.3.2);
/// unknown ids stay unlogged.
/// </summary>
public static class OwnedObjectRefusals
{
    /// <param name="someoneElses">The object with this id that is not the caller's (empty for an unknown id).</param>
    public static Task LogIfSomeoneElsesAsync<T>(this HttpContext? http, IQueryable<T> someoneElses, string objectType, Guid objectId, string operation,
        CancellationToken cancellationToken = default) =>
        LogIfAnyAsync(http, someoneElses, refused => refused.ObjectAccessRefused(objectType, objectId, operation), cancellationToken);

    /// <inheritdoc cref="LogIfSomeoneElsesAsync{T}(HttpContext?, IQueryable{T}, string, Guid, string, CancellationToken)"/>
    public static Task LogIfSomeoneElsesAsync<T>(this HttpContext? http, IQueryable<T> someoneElses, string objectType, long objectId, string operation,
        CancellationToken cancellationToken = default) =>
        LogIfAnyAsync(http, someoneElses, refused => refused.ObjectAccessRefused(objectType, objectId, operation), cancellationToken);

    private static async Task LogIfAnyAsync<T>(HttpContext? http, IQueryable<T> someoneElses, Action<HttpContext> log, CancellationToken cancellationToken)
    {
        if (http is not null && await someoneElses.AnyAsync(cancellationToken))
            log(http);
    }
}
