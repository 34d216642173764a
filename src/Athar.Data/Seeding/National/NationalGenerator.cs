using System.Globalization;
using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Identity;
using Athar.Core.Licensing;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Core.Reference;
using Athar.Core.Training;
using Athar.Data.Accounts;
using Athar.Data.Licensing;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Athar.Data.Participation;
using Athar.Data.Programs;
using Athar.Data.Seeding.Bulk;
using Athar.Data.Teams;
using Athar.Data.Training;
using Microsoft.AspNetCore.Identity;
using static Athar.Data.Seeding.National.Instants;

namespace Athar.Data.Seeding.National;

/// <summary>One step of the generation: a name for the progress display, its share of the work and the work.</summary>
public sealed record GeneratorStep(string Name, double Weight, Action<Action<double>> Run);

/// <summary>
/// Generates the synthetic nation, step by step, into a <see cref="BulkWriter"/>. Each step draws from
/// its own random stream (forked from the seed by name), so the data is a pure function of the plan.
/// Domain rules hold by construction: accepted volunteers never exceed a shift's seats, hours exist only
/// for attendance of accepted applications, credited minutes come from <see cref="HoursCalculator"/>,
/// ages, gender, guardian consent and licences are checked on the shift's date.
/// </summary>
public sealed partial class NationalGenerator
{
    private static readonly TimeSpan Saudi = TimeSpan.FromHours(3);

    // 2022 census populations (millions), by region id: where people live is where they volunteer.
    private static readonly double[] RegionPopulation = [0, 8.6, 8.0, 2.1, 5.1, 1.3, 2.0, 0.9, 0.7, 0.4, 1.4, 0.6, 0.3, 0.6];

    private readonly NationalPlan _plan;
    private readonly BulkWriter _writer;
    private readonly IReadOnlyDictionary<string, Guid> _roles;
    private readonly string _passwordHash;
    private readonly SyntheticNames _names;
    private readonly SyntheticCalendar _calendar;
    private readonly DateTimeOffset _now;

    private readonly WeightedPicker _regionPicker;
    private readonly Dictionary<int, (CityInfo[] Cities, WeightedPicker Picker)> _citiesByRegion = [];

    private VolunteerFacts[] _volunteers = [];
    private Dictionary<int, RegionPool> _pools = [];
    private RegionPool _nationalPool = null!;
    private OrganizationFacts[] _organizations = [];
    private WeightedPicker _organizationPicker = null!;
    private Guid _platformAdminId;
    private int _userSerial;

    public NationalGenerator(NationalPlan plan, BulkWriter writer, IReadOnlyDictionary<string, Guid> roles, string passwordHash)
    {
        _plan = plan;
        _writer = writer;
        _roles = roles;
        _passwordHash = passwordHash;
        _names = new SyntheticNames(Stream("names"));
        _calendar = new SyntheticCalendar(plan.HistoryStart, plan.Today.AddDays(-1));
        // "Now" is noon in Riyadh on the anchor date: shifts from tomorrow on are in the future.
        _now = new DateTimeOffset(plan.Today.ToDateTime(new TimeOnly(12, 0)), Saudi).ToUniversalTime();
        _regionPicker = new WeightedPicker(RegionPopulation);
        foreach (var region in ReferenceData.Regions)
        {
            var cities = ReferenceData.Cities.Where(c => c.RegionId == region.Id).ToArray();
            // The first city listed is the region's capital and holds about half its people.
            _citiesByRegion[region.Id] = (cities, new WeightedPicker(cities.Select((_, i) => i == 0 ? cities.Length : 1.0).ToArray()));
        }
    }

    /// <summary>The entity types the steps write, for the loader to prepare their tables.</summary>
    public static IReadOnlyList<Type> EntityTypes { get; } =
    [
        typeof(AtharUser), typeof(IdentityUserRole<Guid>), typeof(IdentityUserToken<Guid>), typeof(RegionalAssignment), typeof(Volunteer), typeof(VolunteerField),
        typeof(Organization), typeof(OrganizationField), typeof(OrganizationMember),
        typeof(Course), typeof(CourseSession), typeof(CourseEnrollment), typeof(License), typeof(LicenseEvent),
        typeof(Team), typeof(TeamMember), typeof(VolunteerProgram), typeof(ProgramTrack), typeof(Initiative), typeof(InitiativePartner),
        typeof(Opportunity), typeof(Shift), typeof(Application), typeof(AttendanceRecord), typeof(VolunteerHours), typeof(InitiativeOpportunity),
    ];

    /// <summary>
    /// The generation, in order: teams need the team-leadership licences of the training step; programmes and
    /// initiatives come before the opportunities, which link to them as they are drawn.
    /// </summary>
    public IReadOnlyList<GeneratorStep> Steps =>
    [
        new("platform staff", 0.001, _ => GeneratePlatformStaff()),
        new("volunteers", 0.18, GenerateVolunteers),
        new("organisations", 0.01, GenerateOrganizations),
        new("training and licences", 0.02, GenerateTrainingAndLicenses),
        new("teams", 0.01, GenerateTeams),
        new("programmes and initiatives", 0.005, GenerateProgramsAndInitiatives),
        new("opportunities and hours", 0.79, GenerateOpportunities),
    ];

    private SyntheticRandom Stream(string name)
    {
        ulong salt = 1469598103934665603UL;
        foreach (var c in name)
            salt = (salt ^ c) * 1099511628211UL;
        return new SyntheticRandom(_plan.Seed).Fork(salt);
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), Saudi).ToUniversalTime();

    private (int Region, CityInfo City) PickPlace(SyntheticRandom random)
    {
        var region = _regionPicker.Pick(random);
        var (cities, picker) = _citiesByRegion[region];
        return (region, cities[picker.Pick(random)]);
    }

    // ---------------------------------------------------------------- people

    private AtharUser NewUser(SyntheticRandom random, string email, SyntheticNames.Name name, DateTimeOffset createdAt, bool twoFactor = false)
    {
        var serial = _userSerial++;
        // An affine map on 10^8 numbers is a bijection: every user gets a different, random-looking mobile.
        var mobile = (serial * 48271L + 12_345_678L) % 100_000_000L;
        var user = new AtharUser
        {
            Id = random.Guid7(createdAt),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            // One hash for every synthetic account (see NationalPlan.Password): hashing a million passwords would take hours.
            PasswordHash = _passwordHash,
            SecurityStamp = Token(random, 32),
            ConcurrencyStamp = random.Guid7(createdAt).ToString(),
            PhoneNumber = "+9665" + mobile.ToString("D8", CultureInfo.InvariantCulture),
            PhoneNumberConfirmed = true,
            LockoutEnabled = true,
            FullNameAr = name.Arabic,
            FullNameEn = name.English,
            CreatedAt = createdAt,
            PreferredLanguage = random.Chance(0.85) ? "ar" : "en",
            TwoFactorEnabled = twoFactor,
        };
        _writer.Add(user);
        return user;
    }

    private void AddRole(Guid userId, string role) => _writer.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = _roles[role] });

    private static string Token(SyntheticRandom random, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
            chars[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[random.Next(32)];
        return new string(chars);
    }

    private void GeneratePlatformStaff()
    {
        var random = Stream("platform");
        var created = At(_plan.HistoryStart.AddDays(-30), 9);
        // Platform admins sign in with two factors; the synthetic one uses the demo admin's published key, so the
        // benchmark can sign in to the admin pages as a person with an authenticator app would.
        var admin = NewUser(random, NationalPlan.AdminEmail, _names.Full(random, Gender.Female), created, twoFactor: true);
        _writer.Add(new IdentityUserToken<Guid> { UserId = admin.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = DemoData.AdminAuthenticatorKey });
        _platformAdminId = admin.Id;
        AddRole(admin.Id, Roles.PlatformAdmin);
        foreach (var region in ReferenceData.Regions)
        {
            var supervisor = NewUser(random, NationalPlan.RegionalSupervisorEmail(region.Id), _names.Full(random, random.Chance(0.5) ? Gender.Male : Gender.Female), created);
            AddRole(supervisor.Id, Roles.RegionalSupervisor);
            _writer.Add(new RegionalAssignment { UserId = supervisor.Id, RegionId = region.Id, AssignedAt = created });
        }
    }

    private struct VolunteerFacts
    {
        public Guid Id;
        public int Region;
        public Gender Gender;
        public DateOnly BirthDate;
        public int RegisteredDay;
        public int ConsentDay;   // int.MaxValue when a guardian never confirmed
        public int LicenseFrom;  // practitioner licence valid on [From, To); 0/0 when none
        public int LicenseTo;
        public int LeadershipFrom; // an active team-leadership licence issued on From, valid to To inclusive; 0/0 when none
        public int LeadershipTo;
        public bool Active;
    }

    private sealed class RegionPool(int[] members, WeightedPicker picker)
    {
        public int[] Members { get; } = members;
        public WeightedPicker Picker { get; } = picker;
    }

    private void GenerateVolunteers(Action<double> progress)
    {
        var random = Stream("volunteers");
        var count = _plan.Volunteers;
        _volunteers = new VolunteerFacts[count];
        var weights = new double[count];
        var start = _plan.HistoryStart.DayNumber;
        var span = _plan.Today.DayNumber - 1 - start;
        // Ages of registered volunteers: mostly young adults, a share of minors with a guardian's consent.
        (int From, int To, double Share)[] ages = [(13, 17, 0.08), (18, 24, 0.30), (25, 34, 0.30), (35, 44, 0.17), (45, 59, 0.11), (60, 75, 0.04)];
        var agePicker = new WeightedPicker(ages.Select(a => a.Share).ToArray());
        for (var i = 0; i < count; i++)
        {
            var gender = random.Chance(0.52) ? Gender.Female : Gender.Male;
            var band = ages[agePicker.Pick(random)];
            var birth = _plan.Today.AddDays(-random.Between(band.From * 365 + 1, band.To * 365 + 364));
            // Registrations grow over the years: later days are likelier.
            var registered = start + (int)(span * Math.Pow(random.NextDouble(), 0.6));
            var thirteen = birth.AddYears(13).DayNumber;
            if (registered < thirteen)
                registered = Math.Min(thirteen, _plan.Today.DayNumber - 1);
            var registeredDay = DateOnly.FromDayNumber(registered);
            var minor = AgeRules.AgeOn(birth, registeredDay) < 18;
            var consent = minor ? (random.Chance(0.9) ? registered + random.Between(0, 5) : int.MaxValue) : registered;
            var (region, city) = PickPlace(random);
            var name = _names.Full(random, gender);
            var registeredAt = At(registeredDay, random.Between(8, 22), random.Next(60));
            var user = NewUser(random, NationalPlan.VolunteerEmail(i + 1), name, registeredAt);
            var nine = (i < count * 0.82 ? "1" : "2") + ((i * 7919L + 31_415_926L) % 100_000_000L).ToString("D8", CultureInfo.InvariantCulture);
            _writer.Add(new Volunteer
            {
                UserId = user.Id,
                NationalId = NationalId.FromNineDigits(nine).Value,
                Gender = gender,
                BirthDate = birth,
                RegionId = region,
                CityId = city.Id,
                Skills = random.Chance(0.5) ? $"{random.Pick(SyntheticTexts.Skills).Ar}، {random.Pick(SyntheticTexts.Skills).Ar}" : null,
                GuardianConsentRequired = minor,
                GuardianConsentConfirmedAt = minor && consent != int.MaxValue ? At(DateOnly.FromDayNumber(consent), 20) : null,
                RegisteredAt = registeredAt,
            });
            AddRole(user.Id, Roles.Volunteer);
            foreach (var field in DistinctFields(random, random.Between(1, 3)))
                _writer.Add(new VolunteerField { VolunteerId = user.Id, FieldId = field });

            var active = random.Chance(NationalPlan.ActiveShare);
            _volunteers[i] = new VolunteerFacts
            {
                Id = user.Id, Region = region, Gender = gender, BirthDate = birth, RegisteredDay = registered, ConsentDay = consent, Active = active,
            };
            // A long tail of activity: most active volunteers come a few times, some almost every week.
            weights[i] = active ? random.Pareto(1.5, 25) : 0;
            if ((i & 0x3FFF) == 0)
                progress((double)i / count);
        }

        _pools = ReferenceData.Regions.ToDictionary(r => r.Id, r =>
        {
            var members = Enumerable.Range(0, count).Where(i => _volunteers[i].Active && _volunteers[i].Region == r.Id).ToArray();
            return new RegionPool(members, new WeightedPicker(members.Select(m => weights[m]).ToArray()));
        });
        var everyone = Enumerable.Range(0, count).Where(i => _volunteers[i].Active).ToArray();
        _nationalPool = new RegionPool(everyone, new WeightedPicker(everyone.Select(m => weights[m]).ToArray()));
    }

    private static List<int> DistinctFields(SyntheticRandom random, int count)
    {
        var fields = new List<int>(count);
        while (fields.Count < count)
        {
            var field = ReferenceData.Fields[random.Next(ReferenceData.Fields.Count)].Id;
            if (!fields.Contains(field))
                fields.Add(field);
        }
        return fields;
    }

    // ---------------------------------------------------------------- organisations

    private sealed class OrganizationFacts
    {
        public Guid Id;
        public int Index;
        public required LocalizedText Name;
        public int Region;
        public CityInfo City = null!;
        public int CreatedDay;
        public List<int> Fields = [];
        public Guid AdminId;
        public List<Guid> Supervisors = [];
        public double Weight;
        public bool Verified;
        public List<PeriodFacts> Programs = [];
        public List<PeriodFacts> Initiatives = [];
    }

    private void GenerateOrganizations(Action<double> progress)
    {
        var random = Stream("organisations");
        var count = _plan.Organizations;
        (OrganizationType Type, double Share)[] types =
        [
            (OrganizationType.NonProfitAssociation, 0.55), (OrganizationType.Government, 0.15), (OrganizationType.CharitableFoundation, 0.13),
            (OrganizationType.PrivateCompany, 0.12), (OrganizationType.University, 0.05),
        ];
        var typePicker = new WeightedPicker(types.Select(t => t.Share).ToArray());
        var organizations = new List<OrganizationFacts>(count);
        var weights = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var type = types[typePicker.Pick(random)].Type;
            var (region, city) = PickPlace(random);
            var fields = DistinctFields(random, random.Between(1, 3));
            var field = ReferenceData.Fields.First(f => f.Id == fields[0]);
            var name = SyntheticTexts.OrganizationName(random, type, field, city, _names.Full(random, Gender.Male), i + 1);
            // Most organisations predate the history; some join during it.
            var createdDay = random.Chance(0.85)
                ? _plan.HistoryStart.DayNumber - random.Between(1, 730)
                : random.Between(_plan.HistoryStart.DayNumber, _plan.Today.DayNumber - 60);
            var createdAt = At(DateOnly.FromDayNumber(createdDay), 10);
            var roll = random.NextDouble();
            var status = roll < 0.93 ? OrganizationStatus.Verified : roll < 0.98 ? OrganizationStatus.Pending : roll < 0.99 ? OrganizationStatus.Suspended : OrganizationStatus.Rejected;
            var id = random.Guid7(createdAt);
            _writer.Add(new Organization
            {
                Id = id,
                Name = new LocalizedText(name.Ar, name.En),
                Type = type,
                RegistrationNumber = string.Create(CultureInfo.InvariantCulture, $"SYN-{i + 1:D6}"),
                RegionId = region,
                CityId = city.Id,
                Status = status,
                ContactEmail = NationalPlan.OrganizationAdminEmail(i + 1),
                CreatedAt = createdAt,
                StatusChangedAt = status == OrganizationStatus.Pending ? null : createdAt.AddDays(random.Between(1, 14)),
                StatusChangedBy = status == OrganizationStatus.Pending ? null : _platformAdminId,
                StatusReason = status is OrganizationStatus.Rejected or OrganizationStatus.Suspended ? "مراجعة الوثائق / Documents under review" : null,
            });
            foreach (var f in fields)
                _writer.Add(new OrganizationField { OrganizationId = id, FieldId = f });

            // A long tail of sizes: a few national bodies post thousands of opportunities, most a handful.
            var weight = random.Pareto(1.1, 400);
            var facts = new OrganizationFacts
            {
                Id = id, Index = i + 1, Name = new LocalizedText(name.Ar, name.En), Region = region, City = city, CreatedDay = createdDay, Fields = fields,
                Weight = weight, Verified = status == OrganizationStatus.Verified,
            };
            var admin = NewUser(random, NationalPlan.OrganizationAdminEmail(i + 1), _names.Full(random, random.Chance(0.5) ? Gender.Male : Gender.Female), createdAt);
            facts.AdminId = admin.Id;
            AddRole(admin.Id, Roles.OrganizationAdmin);
            _writer.Add(new OrganizationMember { OrganizationId = id, UserId = admin.Id, Role = OrganizationRole.Admin, JoinedAt = createdAt });
            var supervisors = 1 + Math.Min(10, (int)(weight / 8));
            for (var s = 1; s <= supervisors; s++)
            {
                var supervisor = NewUser(random, NationalPlan.OrganizationSupervisorEmail(i + 1, s), _names.Full(random, random.Chance(0.5) ? Gender.Male : Gender.Female), createdAt);
                facts.Supervisors.Add(supervisor.Id);
                AddRole(supervisor.Id, Roles.OrganizationSupervisor);
                _writer.Add(new OrganizationMember { OrganizationId = id, UserId = supervisor.Id, Role = OrganizationRole.Supervisor, JoinedAt = createdAt });
            }
            organizations.Add(facts);
            // Only verified organisations publish.
            weights.Add(status == OrganizationStatus.Verified ? weight : 0);
            if ((i & 0xFF) == 0)
                progress((double)i / count);
        }
        _organizations = [.. organizations];
        _organizationPicker = new WeightedPicker(weights);
    }

    // ---------------------------------------------------------------- training and licences

    private sealed class SessionBook(Guid courseId, int firstDay, int days, int everyDays, int seats)
    {
        private readonly int[] _enrolled = new int[days / everyDays + 1];
        public Guid CourseId { get; } = courseId;
        public Guid[] Ids { get; } = new Guid[days / everyDays + 1];
        public int FirstDay { get; } = firstDay;
        public int EveryDays { get; } = everyDays;
        public int Seats { get; } = seats;
        public int Count => _enrolled.Length;
        public int Enrolled(int index) => _enrolled[index];
        public int DayOf(int index) => FirstDay + index * EveryDays;

        /// <summary>The first session on or after the day with a free seat; -1 when none is left.</summary>
        public int Book(int day)
        {
            for (var i = Math.Max(0, (day - FirstDay + EveryDays - 1) / EveryDays); i < _enrolled.Length; i++)
            {
                if (_enrolled[i] < Seats)
                {
                    _enrolled[i]++;
                    return i;
                }
            }
            return -1;
        }
    }

    private void GenerateTrainingAndLicenses(Action<double> progress)
    {
        var random = Stream("training");
        var first = _plan.HistoryStart.DayNumber;
        var days = _plan.Today.DayNumber + 60 - first;
        var created = At(_plan.HistoryStart.AddDays(-10), 9);
        SessionBook Course(LicenseLevel track, string ar, string en, CourseDelivery delivery, decimal hours, int everyDays, int seats)
        {
            var id = random.Guid7(created);
            _writer.Add(new Course
            {
                Id = id, Title = new LocalizedText(ar, en), Description = new LocalizedText($"دورة {ar} المعتمدة للرخصة الوطنية.", $"The accredited {en} course of the national licence."),
                Track = track, Delivery = delivery, DurationHours = hours, PassingScore = 70, Status = CourseStatus.Published,
                CreatedBy = _platformAdminId, CreatedAt = created, UpdatedAt = created,
            });
            return new SessionBook(id, first, days, everyDays, seats);
        }
        var practitioner = Course(LicenseLevel.Practitioner, "أساسيات العمل التطوعي", "Volunteering essentials", CourseDelivery.Online, 6m, 1, Math.Max(20, (int)(400 * _plan.Scale)));
        var leadership = Course(LicenseLevel.TeamLeadership, "قيادة الفرق التطوعية", "Leading volunteer teams", CourseDelivery.InPerson, 12m, 7, Math.Max(10, (int)(300 * _plan.Scale)));
        var management = Course(LicenseLevel.Management, "إدارة العمل التطوعي في الجهات", "Managing volunteering in organisations", CourseDelivery.InPerson, 18m, 14, Math.Max(5, (int)(60 * _plan.Scale)));

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var triedLeadership = new HashSet<int>();
        var enrollments = new List<CourseEnrollment>();
        var sessionIds = new Dictionary<(SessionBook, int), Guid>();
        Guid SessionId(SessionBook book, int index)
        {
            if (!sessionIds.TryGetValue((book, index), out var id))
            {
                id = random.Guid7(At(DateOnly.FromDayNumber(book.DayOf(index)), 9));
                sessionIds[(book, index)] = id;
            }
            return id;
        }

        License? Enroll(SessionBook book, Guid userId, int fromDay, Guid? organizationId, LicenseLevel level, bool passes)
        {
            var index = book.Book(fromDay);
            if (index < 0)
                return null;
            var day = book.DayOf(index);
            var sessionDay = DateOnly.FromDayNumber(day);
            var past = day < _plan.Today.DayNumber;
            var status = !past ? EnrollmentStatus.Enrolled : passes ? EnrollmentStatus.Passed : random.Chance(0.6) ? EnrollmentStatus.Failed : EnrollmentStatus.Absent;
            var enrolledAt = At(DateOnly.FromDayNumber(Math.Max(day - random.Between(1, 20), Math.Min(fromDay, day))), 10);
            var enrollment = new CourseEnrollment
            {
                Id = random.Guid7(enrolledAt), CourseId = book.CourseId, SessionId = SessionId(book, index), UserId = userId, OrganizationId = organizationId,
                Status = status, Score = status is EnrollmentStatus.Passed ? random.Between(70, 100) : status is EnrollmentStatus.Failed ? random.Between(30, 69) : null,
                CreatedAt = enrolledAt, ResultAt = past && status != EnrollmentStatus.Absent ? At(sessionDay, 18) : null,
                ResultBy = past && status != EnrollmentStatus.Absent ? _platformAdminId : null,
            };
            enrollments.Add(enrollment);
            if (status != EnrollmentStatus.Passed)
                return null;
            string number;
            do
                number = $"{LicenseRules.Prefix(level)}-{sessionDay.Year.ToString(CultureInfo.InvariantCulture)}-{Crockford(random)}";
            while (!numbers.Add(number));
            var roll = random.NextDouble();
            var state = roll < 0.96 ? LicenseState.Active : roll < 0.98 ? LicenseState.Suspended : LicenseState.Revoked;
            var issuedAt = At(sessionDay, 18);
            var license = new License
            {
                Id = random.Guid7(issuedAt), Number = number, Level = level,
                HolderUserId = organizationId is null ? userId : null, OrganizationId = organizationId, NamedMemberId = organizationId is null ? null : userId,
                QualifyingEnrollmentId = enrollment.Id, IssuedOn = sessionDay, ExpiresOn = sessionDay.AddMonths(24), State = state,
                StateReason = state == LicenseState.Active ? null : "قرار إداري / Administrative decision", CreatedAt = issuedAt, UpdatedAt = issuedAt,
            };
            _writer.Add(license);
            _writer.Add(new LicenseEvent { LicenseId = license.Id, Action = LicenseAction.Issued, At = issuedAt, ExpiresOnAfter = license.ExpiresOn });
            if (state != LicenseState.Active)
                _writer.Add(new LicenseEvent { LicenseId = license.Id, Action = state == LicenseState.Suspended ? LicenseAction.Suspended : LicenseAction.Revoked, At = issuedAt.AddDays(90), ActorId = _platformAdminId, Reason = license.StateReason });
            return license;
        }

        for (var i = 0; i < _volunteers.Length; i++)
        {
            ref var v = ref _volunteers[i];
            var adultFrom = Math.Max(v.RegisteredDay, v.BirthDate.AddYears(18).DayNumber);
            // Practitioner courses are taken by active adults, mostly soon after they register.
            if (!v.Active || adultFrom >= _plan.Today.DayNumber + 30 || !random.Chance(0.15))
                continue;
            var passes = random.Chance(0.8);
            var license = Enroll(practitioner, v.Id, adultFrom + random.Between(1, 120), null, LicenseLevel.Practitioner, passes);
            if (license is { State: LicenseState.Active })
            {
                v.LicenseFrom = license.IssuedOn.DayNumber;
                v.LicenseTo = license.ExpiresOn.DayNumber;
                if (random.Chance(0.1))
                {
                    triedLeadership.Add(i);
                    NoteLeadership(ref v, Enroll(leadership, v.Id, v.LicenseFrom + random.Between(60, 400), null, LicenseLevel.TeamLeadership, random.Chance(0.85)));
                }
            }
            if ((i & 0x3FFF) == 0)
                progress(0.8 * i / _volunteers.Length);
        }
        foreach (var organization in _organizations.Where(o => random.Chance(0.04)))
            Enroll(management, organization.AdminId, Math.Max(first, organization.CreatedDay) + random.Between(30, 600), organization.Id, LicenseLevel.Management, random.Chance(0.9));
        // Every team needs a leader licensed today. Enough practitioners take the leadership course for that at any
        // scale (at national size this adds few: the ordinary draw above already yields about as many).
        TopUpLeaders(random, triedLeadership, (v, day) => Enroll(leadership, v.Id, day, null, LicenseLevel.TeamLeadership, random.Chance(0.85)));

        foreach (var book in new[] { practitioner, leadership, management })
        {
            for (var i = 0; i < book.Count; i++)
            {
                if (book.Enrolled(i) == 0)
                    continue;
                var startsAt = At(DateOnly.FromDayNumber(book.DayOf(i)), 9);
                _writer.Add(new CourseSession
                {
                    Id = SessionId(book, i), CourseId = book.CourseId, StartsAt = startsAt, EndsAt = startsAt.AddHours(6),
                    Seats = book.Seats, Enrolled = book.Enrolled(i), Location = book == practitioner ? null : "مركز التدريب / Training centre",
                });
            }
        }
        foreach (var enrollment in enrollments)
            _writer.Add(enrollment);
        progress(1);
    }

    private static string Crockford(SyntheticRandom random)
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Core.Licensing.Crockford.Alphabet[random.Next(Core.Licensing.Crockford.Alphabet.Length)];
        return new string(chars);
    }

    // ---------------------------------------------------------------- opportunities, shifts, applications, attendance, hours

    private sealed record Requirements(GenderRequirement Gender, int? MinimumAge, bool AllowsMinors, LicenseRequirement License);

    private void GenerateOpportunities(Action<double> progress)
    {
        var random = Stream("opportunities");
        // Links to programmes and initiatives draw from their own stream, so the opportunities themselves stay as they were.
        var links = Stream("programme links");
        var count = _plan.Opportunities;
        var chosen = new HashSet<int>();
        var today = _plan.Today.DayNumber;
        for (var k = 0; k < count; k++)
        {
            var organization = _organizations[_organizationPicker.Pick(random)];
            var upcoming = random.Chance(NationalPlan.UpcomingShare);
            var (day, season) = upcoming
                ? (DateOnly.FromDayNumber(today + random.Between(1, 90)), Season.Ordinary)
                : _calendar.Pick(random);
            if (!upcoming && day.DayNumber <= organization.CreatedDay)
                day = DateOnly.FromDayNumber(Math.Min(today - 1, organization.CreatedDay + random.Between(1, 30)));
            if (upcoming)
                season = SyntheticCalendar.SeasonOf(day);

            // Hajj-season work is in Makkah and Madinah; otherwise the organisation's own city, sometimes another in its region.
            var fieldId = season == Season.Hajj && random.Chance(0.6) ? 10 : random.Chance(0.8) ? random.Pick(organization.Fields) : ReferenceData.Fields[random.Next(ReferenceData.Fields.Count)].Id;
            var city = fieldId == 10 && random.Chance(0.8)
                ? ReferenceData.FindCity(random.Chance(0.7) ? 201 : 301)!
                : random.Chance(0.85) ? organization.City : random.Pick(_citiesByRegion[organization.Region].Cities);
            var remote = fieldId is 13 or 25 && random.Chance(0.4);
            var activity = SyntheticTexts.Activity(random, fieldId);
            var title = SyntheticTexts.Title(activity, city, season);
            var description = SyntheticTexts.Description(random, activity, organization.Name.Ar, organization.Name.En);
            var roll = random.NextDouble();
            var requirements = new Requirements(
                roll < 0.12 ? GenderRequirement.Male : roll < 0.24 ? GenderRequirement.Female : GenderRequirement.Any,
                random.Chance(0.2) ? 18 : null,
                random.Chance(0.4),
                random.Chance(0.03) ? LicenseRequirement.Practitioner : LicenseRequirement.None);
            var minors = requirements.AllowsMinors && requirements.MinimumAge is null;
            var autoAccept = random.Chance(0.35);
            var type = fieldId == 30 ? VolunteeringType.Professional : random.Chance(0.2) ? VolunteeringType.Skilled : VolunteeringType.General;

            // Shifts: a day or a few, sometimes a weekly programme.
            var weekly = random.Chance(0.08);
            var shiftCount = weekly ? random.Between(6, 12) : random.Between(1, 4);
            var step = weekly ? 7 : 1;
            if (!upcoming)
                shiftCount = Math.Max(1, Math.Min(shiftCount, (today - 1 - day.DayNumber) / step + 1));
            var hours = random.Between(2, 7);
            var startHour = season == Season.Ramadan ? random.Between(15, 21 - Math.Min(hours, 6)) : random.Between(7, 22 - hours);
            hours = Math.Min(hours, 23 - startHour);
            var seats = Math.Clamp((int)Math.Round(5 * random.Pareto(1.7, 30)) + 5, 5, 150);

            var publishedAt = At(day.AddDays(-random.Between(7, 30)), 10);
            var statusRoll = random.NextDouble();
            var status = upcoming
                ? (statusRoll < 0.90 ? OpportunityStatus.Published : statusRoll < 0.95 ? OpportunityStatus.Closed : OpportunityStatus.Draft)
                : (statusRoll < 0.93 ? OpportunityStatus.Completed : statusRoll < 0.97 ? OpportunityStatus.Closed : OpportunityStatus.Cancelled);
            var opportunity = new Opportunity
            {
                Id = random.Guid7(publishedAt.AddDays(-2)),
                OrganizationId = organization.Id,
                Title = new LocalizedText(title.Ar, title.En),
                Description = new LocalizedText(description.Ar, description.En),
                FieldId = fieldId,
                RegionId = city.RegionId,
                CityId = city.Id,
                Address = remote ? null : city.NameAr,
                IsRemote = remote,
                StartDate = day,
                EndDate = day.AddDays((shiftCount - 1) * step),
                Gender = requirements.Gender,
                MinimumAge = requirements.MinimumAge,
                AllowsMinors = minors,
                RequiredLicense = requirements.License,
                Type = type,
                ExpectedBeneficiaries = seats * random.Between(5, 40),
                AutoAccept = autoAccept,
                Status = status,
                CancellationReason = status == OpportunityStatus.Cancelled ? "ظروف الطقس / Weather conditions" : null,
                CreatedAt = publishedAt.AddDays(-2),
                PublishedAt = status == OpportunityStatus.Draft ? null : publishedAt,
                SearchText = OpportunitySearch.ForOpportunity(title.Ar, title.En, description.Ar, description.En, null, organization.Name.Ar, organization.Name.En, fieldId, city.Id),
            };
            Link(links, opportunity, organization);

            var pool = remote || random.Chance(0.1) ? _nationalPool : _pools[city.RegionId];
            for (var s = 0; s < shiftCount; s++)
            {
                var date = day.AddDays(s * step);
                var start = new TimeOnly(startHour, random.Chance(0.7) ? 0 : 30);
                var end = start.AddHours(hours);
                var shift = new Shift
                {
                    Id = random.Guid7(opportunity.CreatedAt),
                    OpportunityId = opportunity.Id,
                    Date = date,
                    StartTime = start,
                    EndTime = end,
                    StartsAt = new DateTimeOffset(date.ToDateTime(start), Saudi).ToUniversalTime(),
                    EndsAt = new DateTimeOffset(date.ToDateTime(end), Saudi).ToUniversalTime(),
                    Seats = seats,
                };
                if (status != OpportunityStatus.Draft)
                    FillShift(random, chosen, opportunity, organization, shift, pool, requirements, autoAccept, status == OpportunityStatus.Cancelled);
                opportunity.SeatsTotal += shift.Seats;
                opportunity.SeatsTaken += shift.Accepted;
                if (shift.StartsAt > _now && (opportunity.NextShiftStartsAt is null || shift.StartsAt < opportunity.NextShiftStartsAt))
                    opportunity.NextShiftStartsAt = shift.StartsAt;
                _writer.Add(shift);
            }
            _writer.Add(opportunity);
            if ((k & 0x3FF) == 0)
                progress((double)k / count);
        }
    }

    private static bool Eligible(in VolunteerFacts v, Requirements requirements, DateOnly date)
    {
        if (v.RegisteredDay >= date.DayNumber - 1)
            return false;
        if (requirements.Gender == GenderRequirement.Male && v.Gender != Gender.Male || requirements.Gender == GenderRequirement.Female && v.Gender != Gender.Female)
            return false;
        var age = AgeRules.AgeOn(v.BirthDate, date);
        if (age < 13 || requirements.MinimumAge is { } minimum && age < minimum)
            return false;
        if (age < 18 && (!requirements.AllowsMinors || v.ConsentDay >= date.DayNumber))
            return false;
        if (requirements.License == LicenseRequirement.Practitioner && (v.LicenseFrom == 0 || date.DayNumber < v.LicenseFrom || date.DayNumber >= v.LicenseTo))
            return false;
        return true;
    }

    private int PickVolunteer(SyntheticRandom random, RegionPool pool, Requirements requirements, DateOnly date, HashSet<int> chosen)
    {
        // Rejection sampling: draw by activity weight until someone is eligible on that day and not yet on this shift.
        var tries = requirements.License == LicenseRequirement.None ? 24 : 80;
        for (var t = 0; t < tries; t++)
        {
            var pick = pool.Picker.Pick(random);
            if (pick < 0)
                return -1;
            var index = pool.Members[pick];
            if (!chosen.Contains(index) && Eligible(_volunteers[index], requirements, date))
            {
                chosen.Add(index);
                return index;
            }
        }
        return -1;
    }

    private void FillShift(SyntheticRandom random, HashSet<int> chosen, Opportunity opportunity, OrganizationFacts organization, Shift shift,
        RegionPool pool, Requirements requirements, bool autoAccept, bool cancelled)
    {
        chosen.Clear();
        var past = shift.EndsAt < _now;
        var started = shift.StartsAt < _now;
        var fill = past ? 0.55 + 0.45 * random.NextDouble() : 0.7 * random.NextDouble();
        var accepted = (int)Math.Round(shift.Seats * fill);
        var others = (int)Math.Round(accepted * (autoAccept ? 0.05 : 0.2) * random.NextDouble() * 2);
        var recent = _plan.Today.DayNumber - shift.Date.DayNumber <= 10;

        for (var a = 0; a < accepted + others; a++)
        {
            var index = PickVolunteer(random, pool, requirements, shift.Date, chosen);
            if (index < 0)
                continue;
            var volunteer = _volunteers[index];
            var appliedDay = Math.Max(volunteer.RegisteredDay + 1, Math.Max(shift.Date.DayNumber - random.Between(1, 21), opportunity.PublishedAt!.Value.ToOffset(Saudi).DayNumber() + 1));
            var createdAt = At(DateOnly.FromDayNumber(Math.Min(appliedDay, shift.Date.DayNumber - 1)), random.Between(8, 23), random.Next(60));
            var supervisor = random.Pick(organization.Supervisors);
            ApplicationStatus status;
            if (cancelled)
                status = ApplicationStatus.Cancelled;
            else if (a < accepted)
                status = !started && !autoAccept && random.Chance(0.3) ? ApplicationStatus.Pending : ApplicationStatus.Accepted;
            else
                status = started ? (random.Chance(0.6) && !autoAccept ? ApplicationStatus.Rejected : ApplicationStatus.Withdrawn) : ApplicationStatus.Pending;
            var decided = status is ApplicationStatus.Accepted or ApplicationStatus.Rejected or ApplicationStatus.Cancelled;
            var application = new Application
            {
                Id = random.Guid7(createdAt),
                OpportunityId = opportunity.Id,
                ShiftId = shift.Id,
                VolunteerId = volunteer.Id,
                Status = status,
                Reason = status == ApplicationStatus.Rejected ? "اكتمل العدد المطلوب / The team is complete" : null,
                CreatedAt = createdAt,
                DecidedAt = decided ? (autoAccept && status == ApplicationStatus.Accepted ? createdAt : Earliest(createdAt.AddHours(random.Between(1, 48)), _now)) : null,
                DecidedBy = decided && !(autoAccept && status == ApplicationStatus.Accepted) ? supervisor : null,
                ReminderSentAt = status == ApplicationStatus.Accepted && started ? shift.StartsAt.AddDays(-1) : null,
            };
            _writer.Add(application);
            if (status != ApplicationStatus.Accepted)
                continue;
            shift.Accepted++;
            if (past && random.Chance(0.92))
                Attend(random, volunteer, opportunity, organization, shift, application, supervisor, recent);
        }
    }

    private void Attend(SyntheticRandom random, VolunteerFacts volunteer, Opportunity opportunity, OrganizationFacts organization, Shift shift,
        Application application, Guid supervisor, bool recent)
    {
        var byQr = random.Chance(0.6);
        var checkIn = shift.StartsAt.AddMinutes(Math.Round(random.Normal(-5, 8, -30, 60)));
        var autoClosed = random.Chance(0.04);
        var checkOut = autoClosed ? shift.EndsAt : shift.EndsAt.AddMinutes(Math.Round(random.Normal(0, 10, -90, 30)));
        if (checkOut <= checkIn)
            checkOut = checkIn.AddMinutes(15);
        var attendance = new AttendanceRecord
        {
            Id = random.Guid7(checkIn),
            ApplicationId = application.Id,
            ShiftId = shift.Id,
            VolunteerId = volunteer.Id,
            CheckInAt = checkIn,
            CheckInMethod = byQr ? CheckMethod.QrCode : CheckMethod.Supervisor,
            CheckedInBy = byQr ? null : supervisor,
            CheckOutAt = checkOut,
            CheckOutMethod = autoClosed ? CheckMethod.Automatic : byQr ? CheckMethod.QrCode : CheckMethod.Supervisor,
            CheckedOutBy = autoClosed || byQr ? null : supervisor,
        };
        _writer.Add(attendance);

        var attended = (int)Math.Min(HoursCalculator.MaxMinutesPerDay, Math.Floor((checkOut - checkIn).TotalMinutes));
        var credited = HoursCalculator.CreditedMinutes(checkIn, checkOut, shift.StartsAt, shift.EndsAt, _now);
        var roll = random.NextDouble();
        var status = recent
            ? (roll < 0.7 ? HoursStatus.Pending : HoursStatus.Approved)
            : autoClosed ? (roll < 0.5 ? HoursStatus.UnderReview : HoursStatus.Approved)
            : roll < 0.96 ? HoursStatus.Approved : roll < 0.98 ? HoursStatus.Rejected : HoursStatus.UnderReview;
        var decided = status is HoursStatus.Approved or HoursStatus.Rejected;
        _writer.Add(new VolunteerHours
        {
            Id = random.Guid7(checkOut),
            AttendanceId = attendance.Id,
            VolunteerId = volunteer.Id,
            OrganizationId = organization.Id,
            OpportunityId = opportunity.Id,
            ShiftId = shift.Id,
            FieldId = opportunity.FieldId,
            RegionId = opportunity.RegionId,
            Date = shift.Date,
            AttendedMinutes = attended,
            CreditedMinutes = credited,
            Status = status,
            Concerns = autoClosed ? HoursConcerns.AutoClosed : HoursConcerns.None,
            Reason = status == HoursStatus.Rejected ? "لم يكتمل الحضور / Attendance incomplete" : null,
            CreatedAt = checkOut,
            DecidedAt = decided ? Earliest(checkOut.AddHours(random.Between(1, 96)), _now) : null,
            DecidedBy = decided ? supervisor : null,
        });
    }
}

internal static class DateTimeOffsetDays
{
    public static int DayNumber(this DateTimeOffset value) => DateOnly.FromDateTime(value.DateTime).DayNumber;
}

internal static class Instants
{
    public static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
