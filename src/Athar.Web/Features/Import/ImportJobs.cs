using System.Collections.Concurrent;
using Athar.Core.Import;
using Athar.Data.Import;

namespace Athar.Web.Features.Import;

/// <summary>An uploaded file between its dry run and its import, then the import running in the background.</summary>
public sealed class ImportJob
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid UserId { get; init; }
    public required ImportKind Kind { get; init; }
    public required string FileName { get; init; }
    public required ImportEncoding Encoding { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The file's bytes; released once the import has run.</summary>
    public byte[]? Content { get; set; }

    public ImportProgress Progress { get; } = new();
    public ImportOutcome? Checked { get; set; }
    public ImportOutcome? Result { get; set; }
    public bool Started { get; set; }
    public bool Failed { get; set; }
}

/// <summary>
/// The files checked and the imports running on this node, by an unguessable id, each visible only to the
/// admin who uploaded it and only under its organisation. Kept in memory for an hour: a confirmed import
/// is recorded in the database (its batch), so losing this table on a restart loses only a progress display.
/// </summary>
public sealed class ImportJobs(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    public ImportJob Add(Guid organizationId, Guid userId, ImportKind kind, string fileName, ImportEncoding encoding, byte[] content)
    {
        Sweep();
        var job = new ImportJob
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            UserId = userId,
            Kind = kind,
            FileName = fileName,
            Encoding = encoding,
            CreatedAt = clock.GetUtcNow(),
            Content = content,
        };
        _jobs[job.Id] = job;
        return job;
    }

    public ImportJob? Find(Guid id, Guid organizationId, Guid userId) =>
        _jobs.TryGetValue(id, out var job) && job.OrganizationId == organizationId && job.UserId == userId ? job : null;

    private void Sweep()
    {
        var before = clock.GetUtcNow() - Lifetime;
        foreach (var (id, job) in _jobs)
        {
            if (job.CreatedAt < before)
                _jobs.TryRemove(id, out _);
        }
    }
}
