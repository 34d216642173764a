using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Calendar;
using Athar.Core.Identity;
using Athar.Core.Licensing;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Core.Training;
using Athar.Data.Accounts;
using Athar.Data.Licensing;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Athar.Data.Participation;
using Athar.Data.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Data.Seeding;

/// <summary>
/// Bilingual demo data for a first run: organisations in several regions, a login for every role,
/// opportunities, and platform courses with the demo volunteer's practitioner licence.
/// Idempotent: a second start finds the data and only prints the logins again.
/// </summary>
public sealed class DemoData(AtharDbContext db, UserManager<AtharUser> users, IOptions<LicensePolicy> licensePolicy, TimeProvider clock)
{
    public const string Password = "Athar-Demo-2026";

    /// <summary>
    /// Platform admins must sign in with two factors. The demo admin's authenticator key is published (README) so
    /// anyone trying the demo can add it to an authenticator app, and tests compute codes from it. Demo data only.
    /// </summary>
    public const string AdminAuthenticatorKey = "ATHARDEMOPLATFORMADMINTOTPSECRET";

    public sealed record DemoLogin(string Role, string Email, string Password);

    private sealed record Person(string Email, string NameAr, string NameEn, string NineDigits, Gender Gender, DateOnly BirthDate, int RegionId, int CityId, string Mobile, string[] Roles);

    private static readonly Person[] People =
    [
        new("admin@athar.local", "نورة عبدالله القحطاني", "Noura Abdullah Alqahtani", "100000001", Gender.Female, new(1988, 3, 14), 1, 101, "0550000001", [Roles.PlatformAdmin]),
        new("makkah.supervisor@athar.local", "خالد سعيد الغامدي", "Khalid Saeed Alghamdi", "100000002", Gender.Male, new(1984, 9, 2), 2, 201, "0550000002", [Roles.RegionalSupervisor]),
        new("org.admin@athar.local", "فاطمة حسن الزهراني", "Fatimah Hassan Alzahrani", "100000003", Gender.Female, new(1990, 1, 20), 2, 201, "0550000003", [Roles.OrganizationAdmin, Roles.Volunteer]),
        new("org.supervisor@athar.local", "عمر يوسف الحربي", "Omar Yousef Alharbi", "100000004", Gender.Male, new(1993, 6, 11), 2, 202, "0550000004", [Roles.OrganizationSupervisor, Roles.Volunteer]),
        new("team.leader@athar.local", "سارة محمد العتيبي", "Sarah Mohammed Alotaibi", "100000005", Gender.Female, new(1995, 11, 5), 1, 101, "0550000005", [Roles.TeamLeader, Roles.Volunteer]),
        new("volunteer@athar.local", "ريم إبراهيم الشهري", "Reem Ibrahim Alshehri", "100000006", Gender.Female, new(2000, 4, 28), 1, 101, "0550000006", [Roles.Volunteer]),
        new("volunteer2@athar.local", "عبدالرحمن فهد الدوسري", "Abdulrahman Fahad Aldosari", "200000007", Gender.Male, new(1998, 8, 17), 2, 202, "0550000007", [Roles.Volunteer]),
    ];

    private static readonly (string Key, string Ar, string En, OrganizationType Type, int Region, int City, OrganizationStatus Status)[] Organizations =
    [
        ("makkah-centres", "جمعية مراكز الأحياء بمكة المكرمة", "Makkah Neighbourhood Centres Association", OrganizationType.NonProfitAssociation, 2, 201, OrganizationStatus.Verified),
        ("jeddah-municipality", "أمانة محافظة جدة", "Jeddah Municipality", OrganizationType.Government, 2, 202, OrganizationStatus.Verified),
        ("lazm-riyadh", "جمعية لازم للتنمية", "Lazm Development Association", OrganizationType.NonProfitAssociation, 1, 101, OrganizationStatus.Verified),
        ("madinah-volunteering", "جمعية العمل التطوعي بالمدينة المنورة", "Madinah Volunteering Association", OrganizationType.NonProfitAssociation, 3, 301, OrganizationStatus.Verified),
        ("eastern-university", "جامعة الشرقية للعلوم", "Eastern University of Sciences", OrganizationType.University, 4, 401, OrganizationStatus.Pending),
    ];

    public async Task<IReadOnlyList<DemoLogin>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (!await db.Users.AnyAsync(u => u.Email == People[0].Email, cancellationToken))
        {
            foreach (var person in People)
                await CreatePersonAsync(person, now);

            foreach (var o in Organizations)
            {
                db.Organizations.Add(new Organization
                {
                    Id = Guid.CreateVersion7(now),
                    Name = new LocalizedText(o.Ar, o.En),
                    Type = o.Type,
                    RegistrationNumber = $"DEMO-{o.Key}",
                    RegionId = o.Region,
                    CityId = o.City,
                    Status = o.Status,
                    CreatedAt = now,
                });
            }
            await db.SaveChangesAsync(cancellationToken);

            var makkah = await db.Organizations.FirstAsync(o => o.RegistrationNumber == "DEMO-makkah-centres", cancellationToken);
            var orgAdmin = await users.FindByEmailAsync("org.admin@athar.local");
            var orgSupervisor = await users.FindByEmailAsync("org.supervisor@athar.local");
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = makkah.Id, UserId = orgAdmin!.Id, Role = OrganizationRole.Admin, JoinedAt = now });
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = makkah.Id, UserId = orgSupervisor!.Id, Role = OrganizationRole.Supervisor, JoinedAt = now });
            var regional = await users.FindByEmailAsync("makkah.supervisor@athar.local");
            db.RegionalAssignments.Add(new RegionalAssignment { UserId = regional!.Id, RegionId = 2, AssignedAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await SeedOpportunitiesAsync(now, cancellationToken);
            await SeedTrainingAsync(now, cancellationToken);
            await SeedProgramsAsync(now, cancellationToken);
        }
        await SeedTeamsAsync(now, cancellationToken);

        return People.Select(p => new DemoLogin(string.Join(", ", p.Roles), p.Email, Password)).ToList();
    }

    private sealed record DemoOpportunity(
        string Organization, string TitleAr, string TitleEn, string DescriptionAr, string DescriptionEn, int FieldId, int CityId,
        int DaysAhead, int StartHour, int Hours, int Seats, bool AutoAccept, GenderRequirement Gender = GenderRequirement.Any,
        VolunteeringType Type = VolunteeringType.General, int Shifts = 2);

    private static readonly DemoOpportunity[] Opportunities =
    [
        new("makkah-centres", "توزيع وجبات إفطار صائم", "Iftar meal distribution",
            "نوزّع وجبات الإفطار على الصائمين عند إشارات المرور والمساجد في أحياء مكة المكرمة.", "Handing out iftar meals at traffic lights and mosques across Makkah's neighbourhoods.",
            3, 201, 2, 16, 3, 30, true),
        new("makkah-centres", "التطوع في مستشفى الملك عبدالعزيز", "Volunteering at King Abdulaziz Hospital",
            "استقبال المراجعين وإرشادهم إلى العيادات ومساعدة كبار السن.", "Welcoming visitors, guiding them to clinics and helping elderly patients.",
            1, 201, 3, 8, 4, 12, false, Type: VolunteeringType.Skilled),
        new("jeddah-municipality", "حملة تنظيف شاطئ جدة", "Jeddah beach clean-up",
            "حملة بيئية لتنظيف الواجهة البحرية وفرز النفايات القابلة للتدوير.", "An environmental campaign to clean the waterfront and sort recyclables.",
            4, 202, 4, 7, 3, 50, true, Shifts: 1),
        new("lazm-riyadh", "تعليم البرمجة للأطفال", "Teaching children to code",
            "ورش أسبوعية لتعليم أساسيات البرمجة لأطفال الأحياء.", "Weekly workshops teaching programming basics to neighbourhood children.",
            13, 101, 5, 17, 2, 10, false, Type: VolunteeringType.Professional),
        new("madinah-volunteering", "إرشاد زوار المسجد النبوي", "Guiding visitors of the Prophet's Mosque",
            "إرشاد الزوار وكبار السن داخل ساحات المسجد النبوي.", "Guiding visitors and the elderly in the courtyards of the Prophet's Mosque.",
            10, 301, 2, 6, 4, 20, true, GenderRequirement.Male),
    ];

    private async Task SeedOpportunitiesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var saudi = TimeSpan.FromHours(3);
        var today = DateOnly.FromDateTime(now.ToOffset(saudi).DateTime);
        var organizations = await db.Organizations.ToDictionaryAsync(o => o.RegistrationNumber!, cancellationToken);
        var created = new List<Opportunity>();
        foreach (var d in Opportunities)
        {
            var organization = organizations[$"DEMO-{d.Organization}"];
            var city = Core.Reference.ReferenceData.FindCity(d.CityId)!;
            var opportunity = new Opportunity
            {
                Id = Guid.CreateVersion7(now),
                OrganizationId = organization.Id,
                Title = new LocalizedText(d.TitleAr, d.TitleEn),
                Description = new LocalizedText(d.DescriptionAr, d.DescriptionEn),
                FieldId = d.FieldId,
                RegionId = city.RegionId,
                CityId = d.CityId,
                Address = city.NameAr,
                Gender = d.Gender,
                Type = d.Type,
                AllowsMinors = d.Gender == GenderRequirement.Any,
                AutoAccept = d.AutoAccept,
                ExpectedBeneficiaries = d.Seats * 20,
                Status = OpportunityStatus.Published,
                CreatedAt = now,
                PublishedAt = now,
                StartDate = today.AddDays(d.DaysAhead),
                EndDate = today.AddDays(d.DaysAhead + d.Shifts - 1),
                SearchText = OpportunitySearch.ForOpportunity(d.TitleAr, d.TitleEn, d.DescriptionAr, d.DescriptionEn, null, organization.Name.Ar, organization.Name.En, d.FieldId, d.CityId),
            };
            for (var i = 0; i < d.Shifts; i++)
            {
                var date = today.AddDays(d.DaysAhead + i);
                var start = new TimeOnly(d.StartHour, 0);
                opportunity.Shifts.Add(new Shift
                {
                    Id = Guid.CreateVersion7(now),
                    OpportunityId = opportunity.Id,
                    Date = date,
                    StartTime = start,
                    EndTime = start.AddHours(d.Hours),
                    Seats = d.Seats,
                    StartsAt = new DateTimeOffset(date.ToDateTime(start), saudi).ToUniversalTime(),
                    EndsAt = new DateTimeOffset(date.ToDateTime(start.AddHours(d.Hours)), saudi).ToUniversalTime(),
                });
            }
            opportunity.SeatsTotal = opportunity.Shifts.Sum(x => x.Seats);
            opportunity.NextShiftStartsAt = opportunity.Shifts.Min(x => x.StartsAt);
            db.Opportunities.Add(opportunity);
            created.Add(opportunity);
        }
        await db.SaveChangesAsync(cancellationToken);

        // The demo volunteer holds a place on the first shift and verified hours from a past one, so the
        // applications and record pages have something to show on a first run.
        var volunteer = await users.FindByEmailAsync("volunteer@athar.local");
        var supervisor = await users.FindByEmailAsync("org.supervisor@athar.local");
        var first = created[0];
        var shift = first.Shifts[0];
        db.Applications.Add(new Application { Id = Guid.CreateVersion7(now), OpportunityId = first.Id, ShiftId = shift.Id, VolunteerId = volunteer!.Id, Status = ApplicationStatus.Accepted, CreatedAt = now, DecidedAt = now });
        shift.Accepted = 1;
        first.SeatsTaken = 1;

        var pastDate = today.AddDays(-10);
        var past = new Opportunity
        {
            Id = Guid.CreateVersion7(now), OrganizationId = first.OrganizationId,
            Title = new LocalizedText("تنظيم حشود الزوار في رمضان", "Crowd guidance for Ramadan visitors"),
            Description = new LocalizedText("تنظيم حركة الزوار في المنطقة المركزية.", "Guiding visitor flows in the central area."),
            FieldId = 10, RegionId = 2, CityId = 201, Status = OpportunityStatus.Completed, CreatedAt = now.AddDays(-20), PublishedAt = now.AddDays(-20),
            StartDate = pastDate, EndDate = pastDate, SeatsTotal = 10, SeatsTaken = 1,
        };
        var pastOrganization = organizations.Values.First(o => o.Id == past.OrganizationId);
        past.SearchText = OpportunitySearch.ForOpportunity(past.Title.Ar, past.Title.En, past.Description.Ar, past.Description.En, null, pastOrganization.Name.Ar, pastOrganization.Name.En, past.FieldId, past.CityId);
        var pastShift = new Shift
        {
            Id = Guid.CreateVersion7(now), OpportunityId = past.Id, Date = pastDate, StartTime = new TimeOnly(18, 0), EndTime = new TimeOnly(22, 0), Seats = 10, Accepted = 1,
            StartsAt = new DateTimeOffset(pastDate.ToDateTime(new TimeOnly(18, 0)), saudi).ToUniversalTime(),
            EndsAt = new DateTimeOffset(pastDate.ToDateTime(new TimeOnly(22, 0)), saudi).ToUniversalTime(),
        };
        past.Shifts.Add(pastShift);
        db.Opportunities.Add(past);
        var application = new Application { Id = Guid.CreateVersion7(now), OpportunityId = past.Id, ShiftId = pastShift.Id, VolunteerId = volunteer.Id, Status = ApplicationStatus.Accepted, CreatedAt = now.AddDays(-15), DecidedAt = now.AddDays(-15) };
        var attendance = new AttendanceRecord
        {
            Id = Guid.CreateVersion7(now), ApplicationId = application.Id, ShiftId = pastShift.Id, VolunteerId = volunteer.Id,
            CheckInAt = pastShift.StartsAt, CheckInMethod = CheckMethod.Supervisor, CheckedInBy = supervisor!.Id,
            CheckOutAt = pastShift.EndsAt, CheckOutMethod = CheckMethod.Supervisor, CheckedOutBy = supervisor.Id,
        };
        var hours = new VolunteerHours
        {
            Id = Guid.CreateVersion7(now), AttendanceId = attendance.Id, VolunteerId = volunteer.Id, OrganizationId = past.OrganizationId, OpportunityId = past.Id,
            ShiftId = pastShift.Id, FieldId = past.FieldId, RegionId = past.RegionId, Date = pastDate, AttendedMinutes = 240, CreditedMinutes = 240,
            Status = HoursStatus.Approved, CreatedAt = pastShift.EndsAt, DecidedAt = pastShift.EndsAt.AddHours(1), DecidedBy = supervisor.Id,
        };
        db.Applications.Add(application);
        db.Attendance.Add(attendance);
        db.VolunteerHours.Add(hours);
        db.HoursAudit.Add(new HoursAuditEntry { HoursId = hours.Id, ActorId = supervisor.Id, At = hours.DecidedAt.Value, Action = "approved", StatusBefore = HoursStatus.Pending, StatusAfter = HoursStatus.Approved, MinutesBefore = 240, MinutesAfter = 240 });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A platform practitioner course with an upcoming session, a past session the demo volunteer passed,
    /// and the licence it earned her, written as the licence issuer writes it (number, expiry, "issued"
    /// event); plus the team-leadership course, which her few verified hours do not yet qualify her for.
    /// </summary>
    private async Task SeedTrainingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var saudi = TimeSpan.FromHours(3);
        var today = DualDate.ToSaudiDate(now);
        var admin = (await users.FindByEmailAsync("admin@athar.local"))!;
        var volunteer = (await users.FindByEmailAsync("volunteer@athar.local"))!;
        var created = now.AddDays(-45);
        Course Course(LicenseLevel track, decimal hours, int passingScore, LocalizedText title, LocalizedText description) => new()
        {
            Id = Guid.CreateVersion7(now), Track = track, Delivery = CourseDelivery.InPerson, DurationHours = hours, PassingScore = passingScore,
            Title = title, Description = description, Status = CourseStatus.Published, CreatedBy = admin.Id, CreatedAt = created, UpdatedAt = created,
        };
        var practitioner = Course(LicenseLevel.Practitioner, 6, 70,
            new("أساسيات العمل التطوعي الميداني", "Field volunteering essentials"),
            new("دورة تمهيدية في أخلاقيات التطوع والسلامة في الميدان والتعامل مع المستفيدين، يحصل من يجتازها على رخصة ممارس العمل التطوعي.",
                "An introduction to volunteering ethics, safety in the field and working with beneficiaries. Passing it earns the volunteer practitioner licence."));
        var leadership = Course(LicenseLevel.TeamLeadership, 12, 75,
            new("قيادة الفرق التطوعية", "Leading volunteer teams"),
            new("تخطيط المهام وتوزيعها على الفريق وإدارة الحشود والتواصل مع الجهة المنظمة. تُمنح رخصة قيادة الفرق لحاملي رخصة الممارس بعد بلوغ ساعات التطوع الموثقة المطلوبة.",
                "Planning and sharing out tasks, crowd management and working with the organisation. The team-leadership licence goes to practitioner licence holders once they reach the required verified volunteering hours."));
        db.Courses.AddRange(practitioner, leadership);
        db.CoursePrerequisites.Add(new CoursePrerequisite { CourseId = leadership.Id, RequiredCourseId = practitioner.Id });

        CourseSession Session(DateOnly date, int seats, int enrolled) => new()
        {
            Id = Guid.CreateVersion7(now), CourseId = practitioner.Id, Seats = seats, Enrolled = enrolled, Location = "مركز أثر للتدريب، الرياض",
            StartsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), saudi).ToUniversalTime(),
            EndsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(15, 0)), saudi).ToUniversalTime(),
        };
        var past = Session(today.AddDays(-30), 20, 1);
        db.CourseSessions.AddRange(past, Session(today.AddDays(7), 25, 0));

        var passedAt = past.EndsAt.AddHours(1);
        var enrollment = new CourseEnrollment
        {
            Id = Guid.CreateVersion7(now), CourseId = practitioner.Id, SessionId = past.Id, UserId = volunteer.Id, Status = EnrollmentStatus.Passed,
            Score = 88, CreatedAt = now.AddDays(-40), ResultAt = passedAt, ResultBy = admin.Id,
        };
        db.CourseEnrollments.Add(enrollment);

        var issuedOn = DualDate.ToSaudiDate(passedAt);
        var licence = new License
        {
            Id = Guid.CreateVersion7(now), Number = LicenseRules.NewNumber(LicenseLevel.Practitioner, issuedOn), Level = LicenseLevel.Practitioner,
            HolderUserId = volunteer.Id, QualifyingEnrollmentId = enrollment.Id, IssuedOn = issuedOn, ExpiresOn = LicenseRules.ExpiryFor(issuedOn, licensePolicy.Value),
            State = LicenseState.Active, CreatedAt = passedAt, UpdatedAt = passedAt,
        };
        db.Licenses.Add(licence);
        db.LicenseEvents.Add(new LicenseEvent { LicenseId = licence.Id, Action = LicenseAction.Issued, At = passedAt, ExpiresOnAfter = licence.ExpiresOn });
        await db.SaveChangesAsync(cancellationToken);
    }
    // ---- Teams and recognition (demo) ---------------------------------------------------------------
    /// <summary>
    /// A neighbourhood team of the Makkah centres association, led by the demo team leader (who gets a
    /// team-leadership licence if none is on record), with the demo volunteer as a member whose existing
    /// applications count as the team's. The volunteer shows in the public rankings and holds the badge
    /// their verified hours earned. Runs once: it does nothing when any team exists.
    /// </summary>
    private async Task SeedTeamsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Teams.AnyAsync(cancellationToken))
            return;
        var makkah = await db.Organizations.FirstOrDefaultAsync(o => o.RegistrationNumber == "DEMO-makkah-centres", cancellationToken);
        var leader = await users.FindByEmailAsync("team.leader@athar.local");
        var volunteer = await users.FindByEmailAsync("volunteer@athar.local");
        if (makkah is null || leader is null || volunteer is null)
            return;
        var today = Core.Calendar.DualDate.ToSaudiDate(now);
        foreach (var level in new[] { Core.Licensing.LicenseLevel.Practitioner, Core.Licensing.LicenseLevel.TeamLeadership })
        {
            if (await db.Licenses.AnyAsync(l => l.HolderUserId == leader.Id && l.Level == level, cancellationToken))
                continue;
            var licence = new Licensing.License
            {
                Id = Guid.CreateVersion7(now), Number = Core.Licensing.LicenseRules.NewNumber(level, today), Level = level, HolderUserId = leader.Id,
                IssuedOn = today.AddMonths(-2), ExpiresOn = today.AddMonths(-2).AddYears(2), State = Core.Licensing.LicenseState.Active, CreatedAt = now, UpdatedAt = now,
            };
            db.Licenses.Add(licence);
            db.LicenseEvents.Add(new Licensing.LicenseEvent { LicenseId = licence.Id, Action = Core.Licensing.LicenseAction.Issued, At = now, ExpiresOnAfter = licence.ExpiresOn });
        }
        var team = new Teams.Team
        {
            Id = Guid.CreateVersion7(now), OrganizationId = makkah.Id,
            Name = new LocalizedText("فريق شباب حي العزيزية", "Al Aziziyah Youth Team"),
            DescriptionAr = "فريق من شباب الحي يخدم الزوار وكبار السن في مواسم رمضان والحج.",
            DescriptionEn = "Young people of the neighbourhood serving visitors and the elderly in Ramadan and Hajj seasons.",
            RegionId = 2, CityId = 201, Neighbourhood = "العزيزية",
            LeaderUserId = leader.Id, CreatedAt = now, CreatedBy = leader.Id,
        };
        team.SearchText = OpportunitySearch.BuildSearchText(team.Name.Ar, team.Name.En, team.Neighbourhood, "مكة المكرمة", "Makkah");
        db.Teams.Add(team);
        db.TeamMembers.Add(new Teams.TeamMember { TeamId = team.Id, UserId = leader.Id, Role = Core.Teams.TeamRole.Leader, State = Core.Teams.TeamMemberState.Active, CreatedAt = now, UpdatedAt = now });
        db.TeamMembers.Add(new Teams.TeamMember { TeamId = team.Id, UserId = volunteer.Id, Role = Core.Teams.TeamRole.Member, State = Core.Teams.TeamMemberState.Active, CreatedAt = now, UpdatedAt = now });
        db.RankingConsents.Add(new Recognition.RankingConsent { UserId = volunteer.Id, ShowInRankings = true, ChangedAt = now });
        if (await db.VolunteerHours.AnyAsync(h => h.VolunteerId == volunteer.Id && h.Status == HoursStatus.Approved, cancellationToken))
            db.VolunteerBadges.Add(new Recognition.VolunteerBadge { UserId = volunteer.Id, Badge = Core.Recognition.Badge.FirstOpportunity, AwardedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await db.Applications.Where(a => a.VolunteerId == volunteer.Id && a.TeamId == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.TeamId, team.Id), cancellationToken);
    }
    // ---- end of teams and recognition (demo) --------------------------------------------------------
    // ---- Programs (programs-and-initiatives branch) --------------------------------------------------
    /// <summary>
    /// "Be one of the million", the platform program from the Makkah article, over the current year with the
    /// article's targets (100,000 volunteers, 3,000 opportunities, 8 million hours) and its four tracks; the
    /// Makkah association's opportunities are linked, so its page shows live progress on a first run.
    /// </summary>
    private async Task SeedProgramsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var admin = await users.FindByEmailAsync("admin@athar.local");
        var year = now.ToOffset(TimeSpan.FromHours(3)).Year;
        var program = new Programs.VolunteerProgram
        {
            Id = Guid.CreateVersion7(now),
            Title = new LocalizedText("كن واحدًا من المليون", "Be one of the million"),
            Description = new LocalizedText(
                "برنامج وطني يسعى إلى بلوغ مئة ألف متطوع وثلاثة آلاف فرصة تطوعية وثمانية ملايين ساعة تطوع، إسهامًا في مستهدف المليون متطوع لرؤية المملكة 2030.",
                "A national program aiming at one hundred thousand volunteers, three thousand opportunities and eight million volunteer hours, toward Vision 2030's target of one million volunteers."),
            StartsOn = new DateOnly(year, 1, 1),
            EndsOn = new DateOnly(year, 12, 31),
            Status = Core.Programs.ProgramStatus.Active,
            TargetVolunteers = 100_000,
            TargetOpportunities = 3_000,
            TargetHours = 8_000_000,
            CreatedBy = admin!.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        (string Ar, string En)[] tracks =
        [
            ("تحفيز المتطوعين", "Motivating volunteers"),
            ("الدورات التأهيلية والتمكينية", "Qualifying and enabling courses"),
            ("الفرص النوعية", "Quality opportunities"),
            ("تأسيس الفرق التطوعية في الأحياء", "Founding volunteer teams in neighbourhoods"),
        ];
        for (var i = 0; i < tracks.Length; i++)
            program.Tracks.Add(new Programs.ProgramTrack { Id = Guid.CreateVersion7(now), ProgramId = program.Id, Position = i, Name = new LocalizedText(tracks[i].Ar, tracks[i].En) });
        db.Programs.Add(program);
        await db.SaveChangesAsync(cancellationToken);

        var makkah = await db.Organizations.Where(o => o.RegistrationNumber == "DEMO-makkah-centres").Select(o => o.Id).FirstAsync(cancellationToken);
        foreach (var opportunityId in await db.Opportunities.Where(o => o.OrganizationId == makkah).Select(o => o.Id).ToListAsync(cancellationToken))
            await Programs.ProgramLinks.SetAsync(db, opportunityId, program.Id, cancellationToken);
    }
    // ---- end of programs ---------------------------------------------------------------------------

    private async Task CreatePersonAsync(Person person, DateTimeOffset now)
    {
        var user = new AtharUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = person.Email,
            Email = person.Email,
            EmailConfirmed = true,
            PhoneNumber = SaudiMobile.Normalize(person.Mobile),
            FullNameAr = person.NameAr,
            FullNameEn = person.NameEn,
            CreatedAt = now,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        await users.AddToRolesAsync(user, person.Roles);
        if (person.Roles.Contains(Roles.PlatformAdmin))
        {
            // Where UserManager.GetAuthenticatorKeyAsync reads the key (Identity's own store entry).
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", AdminAuthenticatorKey);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        if (person.Roles.Contains(Roles.Volunteer) || person.Roles.Contains(Roles.TeamLeader))
        {
            db.Volunteers.Add(new Volunteer
            {
                UserId = user.Id,
                NationalId = NationalId.FromNineDigits(person.NineDigits).Value,
                Gender = person.Gender,
                BirthDate = person.BirthDate,
                RegionId = person.RegionId,
                CityId = person.CityId,
                RegisteredAt = now,
                Fields = [new() { VolunteerId = user.Id, FieldId = 3 }, new() { VolunteerId = user.Id, FieldId = 16 }],
            });
            db.ConsentRecords.Add(new ConsentRecord { UserId = user.Id, Kind = ConsentKind.EthicsCharter, Version = "2025-1", AcceptedAt = now });
            db.ConsentRecords.Add(new ConsentRecord { UserId = user.Id, Kind = ConsentKind.PrivacyNotice, Version = "2025-1", AcceptedAt = now });
        }
        await db.SaveChangesAsync();
    }

    public static void Print(IReadOnlyList<DemoLogin> logins, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Athar demo logins (password for all: " + Password + "):");
        foreach (var login in logins)
            output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {login.Role,-36} {login.Email}"));
        output.WriteLine("  Platform admins sign in with two factors; the demo admin's authenticator key is " + AdminAuthenticatorKey + ".");
        output.WriteLine();
    }
}
