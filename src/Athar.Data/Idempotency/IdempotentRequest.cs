using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Idempotency;

/// <summary>
/// An API write sent with an Idempotency-Key: claimed before the handler runs (so a concurrent retry
/// finds it), then completed with the response, which later retries of the same request get back
/// unchanged. Keys are scoped to the caller, so two people can never see each other's responses.
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>The caller: a user id, or "anonymous".</summary>
    public required string Scope { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 (hex) of the method, path, query and body: the same key with another request is refused.</summary>
    public required string Fingerprint { get; set; }

    /// <summary>Null while the first request runs.</summary>
    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }

    /// <summary>When the request was claimed; a claim older than the lease is taken over (its node died mid-request).</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> b)
    {
        b.ToTable("IdempotentRequests");
        // The key is the claim: a second insert of the same caller and key fails, whatever node it runs on.
        b.HasKey(r => new { r.Scope, r.Key });
        b.Property(r => r.Scope).HasMaxLength(64);
        b.Property(r => r.Key).HasMaxLength(IdempotencyLimits.MaxKeyLength);
        b.Property(r => r.Fingerprint).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(2000);
        b.HasIndex(r => r.ClaimedAt);
    }
}

public static class IdempotencyLimits
{
    public const int MaxKeyLength = 200;

    /// <summary>Responses larger than this are not kept (API writes answer with small bodies).</summary>
    public const int MaxStoredBody = 256 * 1024;
}
