using System.Net;
using System.Text;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Security;

/// <summary>
/// Every endpoint the app maps (read from its own EndpointDataSource) is called as each actor and the outcome is
/// compared with the access table below. An endpoint missing from the table fails the test, so a new page or API
/// route cannot ship without someone deciding who may call it. Runs on SQLite only: authorisation does not
/// depend on the provider, and the per-feature access tests cover both databases.
/// </summary>
public sealed class EndpointAccessTests(EndpointAccessTests.SceneFixture fixture) : IClassFixture<EndpointAccessTests.SceneFixture>
{
    /// <summary>One app and one scene for the class: building them costs more than the requests.</summary>
    public sealed class SceneFixture : IAsyncLifetime
    {
        public AtharAppFactory App { get; } = new(TestDatabase.Sqlite);

        public AccessScene Scene { get; private set; } = null!;

        public async Task InitializeAsync() => Scene = await AccessScene.CreateAsync(App);

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    // O: allowed (any answer but the three below; never a 5xx)   L: 401, or a redirect to the sign-in page
    // F: 403, or a redirect to the access-denied page            N: 404, the object is not found for this actor
    // Route values are organisation A's objects (volunteer A's where the object is a person's): see AccessScene.
    // Columns: anonymous, volunteer A, volunteer B, admin of A, supervisor of A, admin of B, team leader (of A's team),
    // regional supervisor of another region, platform admin.
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        //                                                                                an vA vB aA sA aB tl rs pa
        ["DELETE /api/v1/initiatives/{id:guid}/opportunities/{opportunityId:guid}"]    = "L  N  N  O  N  N  N  N  O",
        ["DELETE /api/v1/organizations/{id:guid}/invitations/{invitationId:guid}"]     = "L  N  N  O  F  N  N  N  N",
        ["DELETE /api/v1/organizations/{id:guid}/members/{userId:guid}"]               = "L  N  N  O  F  N  N  N  N",
        // Volunteer A ends a spare session of their own; everyone else finds no such session of theirs.
        ["DELETE /api/v1/me/sessions/{id:guid}"]                                       = "L  O  N  N  N  N  N  N  N",
        // The owner takes the linked opportunity out first; the platform admin, asked afterwards, finds no link.
        ["DELETE /api/v1/programs/{id:guid}/opportunities/{opportunityId:guid}"]       = "L  N  N  O  N  N  N  N  N",
        ["GET /"]                                                                      = "O  O  O  O  O  O  O  O  O",
        ["GET /account/access-denied"]                                                 = "F  F  F  F  F  F  F  F  F",
        ["GET /account/confirm-email"]                                                 = "O  O  O  O  O  O  O  O  O",
        ["GET /account/email"]                                                         = "L  O  O  O  O  O  O  O  O",
        ["GET /account/confirm-email-change"]                                          = "O  O  O  O  O  O  O  O  O",
        ["GET /account/forgot-password"]                                               = "O  O  O  O  O  O  O  O  O",
        ["GET /account/login"]                                                         = "O  O  O  O  O  O  O  O  O",
        ["GET /account/login-2fa"]                                                     = "L  L  L  L  L  L  L  L  L",
        ["GET /account/logout"]                                                        = "O  O  O  O  O  O  O  O  O",
        ["GET /account/password"]                                                      = "L  O  O  O  O  O  O  O  O",
        ["GET /account/register"]                                                      = "O  O  O  O  O  O  O  O  O",
        ["GET /account/reset-password"]                                                = "O  O  O  O  O  O  O  O  O",
        ["GET /account/sessions"]                                                      = "L  O  O  O  O  O  O  O  O",
        ["GET /admin"]                                                                 = "L  F  F  F  F  F  F  F  O",
        ["GET /admin/audit"]                                                           = "L  F  F  F  F  F  F  F  O",
        ["GET /admin/awards"]                                                          = "L  F  F  F  F  F  F  F  O",
        ["GET /admin/awards/{id:guid}"]                                                = "L  F  F  F  F  F  F  F  O",
        ["GET /admin/licenses"]                                                        = "L  F  F  F  F  F  F  F  O",
        ["GET /admin/organizations"]                                                   = "L  F  F  F  F  F  F  F  O",
        ["GET /admin/outbox"]                                                          = "L  F  F  F  F  F  F  F  O",
        ["GET /api-docs/favicon.svg"]                                                  = "O  O  O  O  O  O  O  O  O",
        ["GET /api-docs/scalar.aspnetcore.js"]                                         = "O  O  O  O  O  O  O  O  O",
        ["GET /api-docs/scalar.js"]                                                    = "O  O  O  O  O  O  O  O  O",
        ["GET /api-docs/{documentName?}"]                                              = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/admin/audit/verify"]                                             = "L  F  F  F  F  F  F  F  O",
        ["GET /api/v1/admin/licenses/"]                                                = "L  F  F  F  F  F  F  F  O",
        ["GET /api/v1/admin/licenses/{id:guid}"]                                       = "L  F  F  F  F  F  F  F  O",
        ["GET /api/v1/awards/cycles/"]                                                 = "L  F  F  F  F  F  F  F  O",
        ["GET /api/v1/awards/judging"]                                                 = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/awards/organizations/{organizationId:guid}/nominations"]         = "L  N  N  O  N  N  N  N  O",
        ["GET /api/v1/courses/"]                                                       = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/courses/{id:guid}"]                                              = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/courses/{id:guid}/enrollments"]                                  = "L  N  N  N  N  N  N  N  O",
        ["GET /api/v1/fields"]                                                         = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/honours"]                                                        = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/initiatives/"]                                                   = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/initiatives/{id:guid}"]                                          = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/initiatives/{id:guid}/progress"]                                 = "L  N  N  O  O  N  N  N  O",
        ["GET /api/v1/me/"]                                                            = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/me/applications"]                                                = "L  O  O  F  F  F  O  F  F",
        ["GET /api/v1/me/applications/{id:guid}/calendar.ics"]                         = "L  O  N  F  F  F  N  F  F",
        ["GET /api/v1/me/certificates"]                                                = "L  O  O  F  F  F  O  F  F",
        ["GET /api/v1/me/consent"]                                                     = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/me/data"]                                                        = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/me/enrollments"]                                                 = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/me/ideas"]                                                       = "L  O  O  F  F  F  O  F  F",
        ["GET /api/v1/me/licenses/"]                                                   = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/me/notifications/"]                                              = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/me/recognition/"]                                                = "L  O  O  F  F  F  O  F  F",
        ["GET /api/v1/me/sessions/"]                                                   = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/me/record"]                                                      = "L  O  O  F  F  F  O  F  F",
        ["GET /api/v1/me/stats"]                                                       = "L  O  O  F  F  F  O  F  F",
        ["GET /api/v1/me/teams"]                                                       = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/opportunities/"]                                                 = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/opportunities/{id:guid}"]                                        = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/organizations/"]                                                 = "L  F  F  F  F  F  F  O  O",
        ["GET /api/v1/organizations/mine"]                                             = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/organizations/{id:guid}"]                                        = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/organizations/{id:guid}/details"]                                = "L  N  N  O  O  N  N  N  O",
        ["GET /api/v1/organizations/{id:guid}/invitations"]                            = "L  N  N  O  F  N  N  N  O",
        ["GET /api/v1/organizations/{id:guid}/members"]                                = "L  N  N  O  O  N  N  N  O",
        ["GET /api/v1/organizations/{organizationId:guid}/applicants"]                 = "L  F  F  O  O  N  F  F  O",
        ["GET /api/v1/organizations/{organizationId:guid}/dashboard"]                  = "L  F  F  O  O  N  F  F  O",
        ["GET /api/v1/organizations/{organizationId:guid}/hours"]                      = "L  F  F  O  O  N  F  F  O",
        ["GET /api/v1/organizations/{organizationId:guid}/ideas/"]                     = "L  F  F  O  O  N  F  F  O",
        ["GET /api/v1/organizations/{organizationId:guid}/ideas/{ideaId:guid}"]        = "L  F  F  O  O  N  F  F  O",
        ["GET /api/v1/organizations/{organizationId:guid}/licenses/"]                  = "L  F  F  O  O  N  F  F  O",
        ["GET /api/v1/organizations/{organizationId:guid}/opportunities/"]             = "L  N  N  O  O  N  N  N  O",
        ["GET /api/v1/organizations/{organizationId:guid}/roster"]                     = "L  F  F  O  O  N  F  F  O",
        ["GET /api/v1/programs/"]                                                      = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/programs/{id:guid}"]                                             = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/programs/{id:guid}/progress"]                                    = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/rankings"]                                                       = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/regions"]                                                        = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/regions/{regionId:int}/cities"]                                  = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/shifts/{shiftId:guid}/check-in-code"]                            = "L  F  F  O  O  N  F  F  O",
        ["GET /api/v1/stats/"]                                                         = "O  O  O  O  O  O  O  O  O",
        ["GET /api/v1/stats/dashboard"]                                                = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/teams"]                                                          = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/teams/{id:guid}"]                                                = "L  O  O  O  O  O  O  O  O",
        ["GET /api/v1/verify/{code}"]                                                  = "O  O  O  O  O  O  O  O  O",
        ["GET /awards"]                                                                = "L  O  O  O  O  O  O  O  O",
        ["GET /awards/certificates/{nominationId:guid}"]                               = "L  N  N  O  O  N  N  N  O",
        ["GET /awards/judging/{nominationId:guid}"]                                    = "L  N  N  N  N  N  O  N  N",
        ["GET /check-in/{shiftId:guid}"]                                               = "L  O  O  F  F  F  O  F  F",
        ["GET /error/{code:int?}"]                                                     = "O  O  O  O  O  O  O  O  O",
        ["GET /guardian/confirm"]                                                      = "O  O  O  O  O  O  O  O  O",
        ["GET /health"]                                                                = "O  O  O  O  O  O  O  O  O",
        ["GET /honours"]                                                               = "O  O  O  O  O  O  O  O  O",
        ["GET /initiatives"]                                                           = "O  O  O  O  O  O  O  O  O",
        ["GET /initiatives/edit/{id:guid?}"]                                           = "L  N  N  O  N  N  N  N  O",
        ["GET /initiatives/{id:guid}"]                                                 = "O  O  O  O  O  O  O  O  O",
        ["GET /language/{language}"]                                                   = "O  O  O  O  O  O  O  O  O",
        ["GET /legal/charter"]                                                         = "O  O  O  O  O  O  O  O  O",
        ["GET /legal/privacy"]                                                         = "O  O  O  O  O  O  O  O  O",
        ["GET /me/applications"]                                                       = "L  O  O  F  F  F  O  F  F",
        ["GET /me/card"]                                                               = "L  O  O  F  F  F  O  F  F",
        ["GET /me/certificates"]                                                       = "L  O  O  F  F  F  O  F  F",
        ["GET /me/consent"]                                                            = "L  O  O  O  O  O  O  O  O",
        ["GET /me/data"]                                                               = "L  O  O  O  O  O  O  O  O",
        ["GET /me/delete"]                                                             = "L  O  O  O  O  O  O  O  O",
        ["GET /me/documents/card"]                                                     = "L  O  O  N  N  N  O  N  N",
        ["GET /me/documents/license/{licenseId:guid}"]                                 = "L  N  N  N  N  N  O  N  N",
        ["GET /me/documents/participation/{opportunityId:guid}"]                       = "L  N  N  N  N  N  N  N  N",
        ["GET /me/documents/statement/{year:int}"]                                     = "L  N  N  N  N  N  N  N  N",
        ["GET /me/documents/training/{enrollmentId:guid}"]                             = "L  N  N  N  N  N  N  N  N",
        ["GET /me/ideas"]                                                              = "L  O  O  F  F  F  O  F  F",
        ["GET /me/licenses"]                                                           = "L  O  O  O  O  O  O  O  O",
        ["GET /me/recognition"]                                                        = "L  O  O  F  F  F  O  F  F",
        ["GET /me/teams"]                                                              = "L  O  O  O  O  O  O  O  O",
        ["GET /me/training"]                                                           = "L  O  O  O  O  O  O  O  O",
        ["GET /notifications"]                                                         = "L  O  O  O  O  O  O  O  O",
        ["GET /openapi/{documentName}.json"]                                           = "O  O  O  O  O  O  O  O  O",
        ["GET /opportunities"]                                                         = "O  O  O  O  O  O  O  O  O",
        ["GET /opportunities/{id:guid}"]                                               = "O  O  O  O  O  O  O  O  O",
        ["GET /opportunities/{id:guid}/apply"]                                         = "L  O  O  F  F  F  O  F  F",
        ["GET /opportunities/{id:guid}/edit"]                                          = "L  N  N  O  N  N  N  N  O",
        ["GET /org"]                                                                   = "L  F  F  O  O  O  F  F  F",
        ["GET /org/invitations/{token}"]                                               = "L  N  N  N  N  N  N  N  N",
        ["GET /org/register"]                                                          = "L  O  O  O  O  O  O  O  O",
        ["GET /org/{id:guid}"]                                                         = "L  N  N  O  O  N  N  N  O",
        ["GET /org/{id:guid}/import"]                                                  = "L  N  N  O  F  N  N  N  O",
        ["GET /org/{id:guid}/members"]                                                 = "L  N  N  O  O  N  N  N  O",
        ["GET /org/{id:guid}/teams"]                                                   = "L  F  F  O  O  N  F  F  O",
        ["GET /org/{organizationId:guid}/applicants"]                                  = "L  F  F  O  O  N  F  F  O",
        ["GET /org/{organizationId:guid}/dashboard"]                                   = "L  F  F  O  O  N  F  F  O",
        ["GET /org/{organizationId:guid}/hours"]                                       = "L  F  F  O  O  N  F  F  O",
        ["GET /org/{organizationId:guid}/ideas"]                                       = "L  F  F  O  O  N  F  F  O",
        ["GET /org/{organizationId:guid}/ideas/{ideaId:guid}"]                         = "L  F  F  O  O  N  F  F  O",
        ["GET /org/{organizationId:guid}/opportunities"]                               = "L  N  N  O  O  N  N  N  O",
        ["GET /org/{organizationId:guid}/opportunities/new"]                           = "L  N  N  O  N  N  N  N  O",
        ["GET /org/{organizationId:guid}/roster"]                                      = "L  F  F  O  O  N  F  F  O",
        ["GET /organizations/{id:guid}"]                                               = "O  O  O  O  O  O  O  O  O",
        ["GET /organizations/{id:guid}/ideas/new"]                                     = "L  O  O  F  F  F  O  F  F",
        ["GET /profile"]                                                               = "L  O  O  O  O  O  O  O  O",
        ["GET /profile/edit"]                                                          = "L  O  O  F  F  F  O  F  F",
        ["GET /profile/two-factor"]                                                    = "L  O  O  O  O  O  O  O  O",
        ["GET /programs"]                                                              = "O  O  O  O  O  O  O  O  O",
        ["GET /programs/edit/{id:guid?}"]                                              = "L  N  N  O  N  N  N  N  O",
        ["GET /programs/link"]                                                         = "L  N  N  N  N  N  N  N  N",
        ["GET /programs/{id:guid}"]                                                    = "O  O  O  O  O  O  O  O  O",
        ["GET /rankings"]                                                              = "O  O  O  O  O  O  O  O  O",
        ["GET /record"]                                                                = "L  O  O  F  F  F  O  F  F",
        ["GET /region"]                                                                = "L  F  F  F  F  F  F  O  F",
        ["GET /review/hours"]                                                          = "L  F  F  F  F  F  F  O  O",
        ["GET /shifts/{shiftId:guid}/qr"]                                              = "L  F  F  O  O  N  F  F  O",
        ["GET /statistics"]                                                            = "O  O  O  O  O  O  O  O  O",
        ["GET /statistics/dashboard"]                                                  = "L  O  O  O  O  O  O  O  O",
        ["GET /statistics/export/{table}.{format}"]                                    = "L  O  O  O  O  O  O  O  O",
        ["GET /statistics/me"]                                                         = "L  O  O  F  F  F  O  F  F",
        ["GET /statistics/methodology"]                                                = "O  O  O  O  O  O  O  O  O",
        ["GET /statistics/open/export/regions.{format}"]                               = "O  O  O  O  O  O  O  O  O",
        ["GET /statistics/report"]                                                     = "L  N  N  O  O  O  N  O  O",
        ["GET /teams"]                                                                 = "L  O  O  O  O  O  O  O  O",
        ["GET /teams/{id:guid}"]                                                       = "L  O  O  O  O  O  O  O  O",
        ["GET /teams/{id:guid}/apply"]                                                 = "L  F  F  F  F  F  O  F  F",
        ["GET /training"]                                                              = "O  O  O  O  O  O  O  O  O",
        ["GET /training/edit/{id:guid?}"]                                              = "L  N  N  N  N  N  N  N  O",
        ["GET /training/manage"]                                                       = "L  N  N  N  N  N  N  N  O",
        ["GET /training/{id:guid}"]                                                    = "O  O  O  O  O  O  O  O  O",
        ["GET /training/{id:guid}/roster"]                                             = "L  N  N  N  N  N  N  N  O",
        ["GET /verify/{code?}"]                                                        = "O  O  O  O  O  O  O  O  O",
        ["GET /{*path:nonfile}"]                                                       = "N  N  N  N  N  N  N  N  N",
        ["POST /api/v1/admin/licenses/{id:guid}/reinstate"]                            = "L  F  F  F  F  F  F  F  O",
        ["POST /api/v1/admin/licenses/{id:guid}/revoke"]                               = "L  F  F  F  F  F  F  F  O",
        ["POST /api/v1/admin/licenses/{id:guid}/suspend"]                              = "L  F  F  F  F  F  F  F  O",
        ["POST /api/v1/applications/{id:guid}/accept"]                                 = "L  F  F  O  O  N  F  F  O",
        ["POST /api/v1/applications/{id:guid}/cancel"]                                 = "L  F  F  O  O  N  F  F  O",
        ["POST /api/v1/applications/{id:guid}/check-in"]                               = "L  F  F  O  O  N  F  F  O",
        ["POST /api/v1/applications/{id:guid}/check-out"]                              = "L  F  F  O  O  N  F  F  O",
        ["POST /api/v1/applications/{id:guid}/reject"]                                 = "L  F  F  O  O  N  F  F  O",
        ["POST /api/v1/applications/{id:guid}/waitlist"]                               = "L  F  F  O  O  N  F  F  O",
        ["POST /api/v1/auth/confirm-email"]                                            = "O  O  O  O  O  O  O  O  O",
        ["POST /api/v1/auth/confirm-email-change"]                                     = "O  O  O  O  O  O  O  O  O",
        ["POST /api/v1/auth/forgot-password"]                                          = "O  O  O  O  O  O  O  O  O",
        ["POST /api/v1/auth/login"]                                                    = "L  L  L  L  L  L  L  L  L",
        ["POST /api/v1/auth/refresh"]                                                  = "O  O  O  O  O  O  O  O  O",
        ["POST /api/v1/auth/register"]                                                 = "O  O  O  O  O  O  O  O  O",
        ["POST /api/v1/auth/reset-password"]                                           = "O  O  O  O  O  O  O  O  O",
        ["POST /api/v1/awards/cycles/"]                                                = "L  F  F  F  F  F  F  F  O",
        ["POST /api/v1/awards/cycles/{id:guid}/close-nominations"]                     = "L  F  F  F  F  F  F  F  O",
        ["POST /api/v1/awards/cycles/{id:guid}/judges"]                                = "L  F  F  F  F  F  F  F  O",
        ["POST /api/v1/awards/cycles/{id:guid}/nominations"]                           = "L  O  O  O  O  O  O  O  O",
        ["POST /api/v1/awards/cycles/{id:guid}/open-nominations"]                      = "L  F  F  F  F  F  F  F  O",
        ["POST /api/v1/awards/cycles/{id:guid}/publish"]                               = "L  F  F  F  F  F  F  F  O",
        ["POST /api/v1/course-sessions/{id:guid}/enrollments"]                         = "L  O  O  O  O  O  O  O  O",
        ["POST /api/v1/courses"]                                                       = "L  N  N  N  N  N  N  N  O",
        ["POST /api/v1/courses/{id:guid}/archive"]                                     = "L  N  N  N  N  N  N  N  O",
        ["POST /api/v1/courses/{id:guid}/sessions"]                                    = "L  N  N  N  N  N  N  N  O",
        ["POST /api/v1/enrollments/{id:guid}/result"]                                  = "L  N  N  N  N  N  N  N  O",
        ["POST /api/v1/guardian-consent"]                                              = "N  N  N  N  N  N  N  N  N",
        ["POST /api/v1/hours/{id:guid}/adjust"]                                        = "L  F  F  O  O  N  F  F  O",
        ["POST /api/v1/hours/{id:guid}/approve"]                                       = "L  F  F  O  O  N  F  F  O",
        ["POST /api/v1/hours/{id:guid}/reject"]                                        = "L  F  F  O  O  N  F  F  O",
        ["POST /api/v1/initiatives/"]                                                  = "L  N  N  N  N  N  N  N  N",
        ["POST /api/v1/initiatives/{id:guid}/opportunities"]                           = "L  N  N  N  N  N  N  N  N",
        ["POST /api/v1/me/applications/{id:guid}/withdraw"]                            = "L  O  N  F  F  F  N  F  F",
        ["POST /api/v1/me/consent"]                                                    = "L  O  O  O  O  O  O  O  O",
        ["POST /api/v1/me/enrollments/{id:guid}/withdraw"]                             = "L  O  N  N  N  N  N  N  N",
        ["POST /api/v1/me/guardian-code"]                                              = "L  N  N  F  F  F  N  F  F",
        ["POST /api/v1/me/licenses/{id:guid}/renew"]                                   = "L  N  N  N  N  N  O  N  N",
        ["POST /api/v1/me/password"]                                                   = "L  O  O  O  O  O  O  O  O",
        ["POST /api/v1/me/email"]                                                      = "L  O  O  O  O  O  O  O  O",
        ["POST /api/v1/me/notifications/{id:long}/read"]                               = "L  O  N  N  N  N  N  N  N",
        ["POST /api/v1/opportunities/{id:guid}/cancel"]                                = "L  N  N  O  N  N  N  N  O",
        ["POST /api/v1/opportunities/{id:guid}/close"]                                 = "L  N  N  O  N  N  N  N  O",
        ["POST /api/v1/opportunities/{id:guid}/complete"]                              = "L  N  N  O  N  N  N  N  O",
        ["POST /api/v1/opportunities/{id:guid}/publish"]                               = "L  N  N  O  N  N  N  N  O",
        ["POST /api/v1/opportunities/{opportunityId:guid}/messages"]                   = "L  F  F  O  O  N  F  F  O",
        ["POST /api/v1/organizations/"]                                                = "L  O  O  O  O  O  O  O  O",
        ["POST /api/v1/organizations/invitations/accept"]                              = "L  N  N  N  N  N  N  N  N",
        ["POST /api/v1/organizations/{id:guid}/invitations"]                           = "L  N  N  O  F  N  N  N  O",
        ["POST /api/v1/organizations/{id:guid}/reinstate"]                             = "L  F  F  F  F  F  F  N  O",
        ["POST /api/v1/organizations/{id:guid}/reject"]                                = "L  F  F  F  F  F  F  N  O",
        ["POST /api/v1/organizations/{id:guid}/suspend"]                               = "L  F  F  F  F  F  F  N  O",
        ["POST /api/v1/organizations/{id:guid}/teams"]                                 = "L  N  N  O  F  N  N  N  O",
        ["POST /api/v1/organizations/{id:guid}/verify"]                                = "L  F  F  F  F  F  F  N  O",
        ["POST /api/v1/organizations/{organizationId:guid}/ideas"]                     = "L  O  O  F  F  F  O  F  F",
        ["POST /api/v1/organizations/{organizationId:guid}/ideas/{ideaId:guid}/adopt"] = "L  F  F  O  F  N  F  F  O",
        ["POST /api/v1/organizations/{organizationId:guid}/ideas/{ideaId:guid}/decline"] = "L  F  F  O  F  N  F  F  O",
        ["POST /api/v1/organizations/{organizationId:guid}/licenses/{id:guid}/renew"]  = "L  F  F  N  N  N  F  F  N",
        ["POST /api/v1/organizations/{organizationId:guid}/opportunities/"]            = "L  N  N  O  N  N  N  N  O",
        ["POST /api/v1/programs/"]                                                     = "L  N  N  N  N  N  N  N  O",
        ["POST /api/v1/programs/{id:guid}/opportunities"]                              = "L  N  N  N  N  N  N  N  N",
        ["POST /api/v1/shifts/{shiftId:guid}/applications"]                            = "L  O  O  F  F  F  O  F  F",
        ["POST /api/v1/shifts/{shiftId:guid}/scan"]                                    = "L  O  N  F  F  F  N  F  F",
        ["POST /api/v1/teams/{id:guid}/applications"]                                  = "L  F  F  F  F  F  O  F  F",
        ["POST /api/v1/teams/{id:guid}/close"]                                         = "L  F  F  O  F  F  F  F  O",
        ["POST /api/v1/teams/{id:guid}/invitation/accept"]                             = "L  O  O  O  O  O  O  O  O",
        ["POST /api/v1/teams/{id:guid}/invitation/decline"]                            = "L  O  O  O  O  O  O  O  O",
        ["POST /api/v1/teams/{id:guid}/invitations"]                                   = "L  F  F  F  F  F  O  F  F",
        ["POST /api/v1/teams/{id:guid}/join"]                                          = "L  O  O  O  O  O  O  O  O",
        ["POST /api/v1/teams/{id:guid}/leave"]                                         = "L  O  O  O  O  O  O  O  O",
        ["POST /api/v1/teams/{id:guid}/members/{userId:guid}/remove"]                  = "L  F  F  O  F  F  O  F  O",
        ["POST /api/v1/teams/{id:guid}/requests/{userId:guid}/accept"]                 = "L  F  F  F  F  F  O  F  F",
        ["POST /api/v1/teams/{id:guid}/requests/{userId:guid}/decline"]                = "L  F  F  F  F  F  O  F  F",
        ["PUT /api/v1/awards/nominations/{id:guid}/scores"]                            = "L  N  N  N  N  N  O  N  N",
        ["PUT /api/v1/courses/{id:guid}"]                                              = "L  N  N  N  N  N  N  N  O",
        ["PUT /api/v1/initiatives/{id:guid}"]                                          = "L  N  N  O  N  N  N  N  O",
        ["PUT /api/v1/me/"]                                                            = "L  O  O  F  F  F  O  F  F",
        ["PUT /api/v1/me/recognition/ranking-consent"]                                 = "L  O  O  F  F  F  O  F  F",
        ["PUT /api/v1/opportunities/{id:guid}"]                                        = "L  N  N  O  N  N  N  N  O",
        ["PUT /api/v1/organizations/{id:guid}/members/{userId:guid}"]                  = "L  N  N  O  F  N  N  N  O",
        ["PUT /api/v1/programs/{id:guid}"]                                             = "L  N  N  O  N  N  N  N  O",
        ["PUT /api/v1/teams/{id:guid}/leader"]                                         = "L  F  F  O  F  F  F  F  O",
        ["PUT /api/v1/teams/{id:guid}/members/{userId:guid}/role"]                     = "L  F  F  O  F  F  O  F  O",
    };

    private static readonly Actor[] Actors = Enum.GetValues<Actor>();

    [Fact]
    public void EveryEndpoint_DeclaresItsPolicyOrAllowAnonymous()
    {
        var undeclared = AppEndpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => $"{Key(e)} ({e.DisplayName})")
            .ToList();

        Assert.True(undeclared.Count == 0, "Endpoints relying on the fallback policy instead of declaring one:\n" + string.Join('\n', undeclared));
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachActorAsTheAccessTableSays()
    {
        var scene = fixture.Scene;
        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var endpoint in AppEndpoints())
        {
            var key = Key(endpoint);
            var outcomes = new List<char>();
            foreach (var actor in Actors)
            {
                var (outcome, detail) = await CallAsync(scene, endpoint, actor);
                outcomes.Add(outcome);
                if (outcome == 'E')
                    failures.Add($"{key} as {actor}: {detail}");
            }
            actual[key] = string.Join("  ", outcomes);
        }

        var missing = actual.Keys.Except(Expected.Keys).ToList();
        var stale = Expected.Keys.Except(actual.Keys).ToList();
        var wrong = actual.Where(a => Expected.TryGetValue(a.Key, out var e) && e != a.Value).Select(a => $"{a.Key}\n  expected {Expected[a.Key]}\n  actual   {a.Value}").ToList();
        var report = new StringBuilder();
        if (failures.Count > 0)
            report.AppendLine("Server errors:").AppendJoin('\n', failures).AppendLine();
        if (missing.Count > 0)
            report.AppendLine("Endpoints missing from the access table (decide who may call them, then add the line):").AppendJoin('\n', missing.Select(k => Line(k, actual[k]))).AppendLine();
        if (stale.Count > 0)
            report.AppendLine("Lines for endpoints that no longer exist:").AppendJoin('\n', stale).AppendLine();
        if (wrong.Count > 0)
            report.AppendLine("Endpoints answering differently from the table:").AppendJoin('\n', wrong).AppendLine();
        Assert.True(report.Length == 0, report.ToString());
    }

    [Fact]
    public async Task OtherOrganisationsObjects_AnswerNotFound_ToItsStaff_NotForbidden()
    {
        // The table is the full proof; this names the rule for the org-scoped API routes so a regression reads plainly.
        var scene = fixture.Scene;
        var adminOfB = scene.ApiOf(Actor.AdminOfB);
        foreach (var path in new[]
                 {
                     $"/api/v1/organizations/{scene.OrganizationA}/details", $"/api/v1/organizations/{scene.OrganizationA}/members",
                     $"/api/v1/organizations/{scene.OrganizationA}/applicants", $"/api/v1/organizations/{scene.OrganizationA}/hours",
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await adminOfB.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminOfB.PostAsync($"/api/v1/hours/{scene.HoursOfVolunteerA}/approve", null)).StatusCode);
    }

    private IEnumerable<RouteEndpoint> AppEndpoints() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // Fingerprinted static files (css, js, images) are one endpoint per file, all AllowAnonymous by MapStaticAssets.
            .Where(e => !IsStaticAsset(e))
            .OrderBy(e => Key(e), StringComparer.Ordinal);

    // MapStaticAssets also maps a catch-all for files added after the build ("{**path:file}") outside Production;
    // it serves files from wwwroot only, and the fallback policy still covers it.
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
        || endpoint.DisplayName == "Fallback {**path:file}";

    private static string Method(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } m ? m.HttpMethods[0] : "GET";

    private static string Key(RouteEndpoint endpoint) =>
        $"{Method(endpoint)} /{endpoint.RoutePattern.RawText?.TrimStart('/')}";

    private static string Line(string key, string outcomes) => $"        [\"{key}\"] = \"{outcomes}\",";

    private static async Task<(char Outcome, string Detail)> CallAsync(AccessScene scene, RouteEndpoint endpoint, Actor actor)
    {
        var method = Method(endpoint);
        var path = scene.Resolve(endpoint.RoutePattern.RawText ?? "/");
        var isApi = path.StartsWith("/api/", StringComparison.Ordinal);
        var client = isApi ? scene.ApiOf(actor) : scene.BrowserOf(actor);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return status switch
        {
            >= 500 => ('E', $"{status} {path}"),
            401 => ('L', string.Empty),
            403 => ('F', string.Empty),
            404 => ('N', string.Empty),
            302 when location.Contains("/account/login", StringComparison.Ordinal) => ('L', string.Empty),
            302 when location.Contains("/account/access-denied", StringComparison.Ordinal) => ('F', string.Empty),
            _ => ('O', string.Empty),
        };
    }
}
