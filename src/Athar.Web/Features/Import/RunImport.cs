using Athar.Data.Import;

namespace Athar.Web.Features.Import;

/// <summary>
/// Starts a checked file's import in the background, in its own scope, so the page can show progress;
/// then evaluates licences and badges for the people whose verified hours it added.
/// </summary>
public sealed class RunImport(IServiceScopeFactory scopes, ILogger<RunImport> logger)
{
    public bool Start(ImportJob job)
    {
        lock (job)
        {
            if (job.Started || job.Content is null)
                return false;
            job.Started = true;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var engine = scope.ServiceProvider.GetRequiredService<ImportEngine>();
                job.Result = await engine.ImportAsync(new ImportRequest(job.OrganizationId, job.Kind, job.Content, job.FileName, job.Encoding, job.UserId, "web"), job.Progress);
                if (job.Result.Imported)
                    await scope.ServiceProvider.GetRequiredService<ImportFollowUps>().RunAsync(int.MaxValue);
            }
            catch (Exception ex)
            {
                job.Failed = true;
                logger.LogError(ex, "Import {JobId} of {Kind} for {OrganizationId} failed", job.Id, job.Kind, job.OrganizationId);
            }
            finally
            {
                job.Content = null;
            }
        });
        return true;
    }
}
