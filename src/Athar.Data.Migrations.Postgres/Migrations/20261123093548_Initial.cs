using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FullNameAr = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FullNameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PreferredLanguage = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Fields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameAr = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Fields", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameAr = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    NameAr = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cities_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegionalAssignments",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionalAssignments", x => new { x.UserId, x.RegionId });
                    table.ForeignKey(
                        name: "FK_RegionalAssignments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RegionalAssignments_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Organizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    CityId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NameAr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Organizations_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Volunteers",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    NationalId = table.Column<string>(type: "character(10)", fixedLength: true, maxLength: 10, nullable: false),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    CityId = table.Column<int>(type: "integer", nullable: false),
                    Skills = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Education = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Profession = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    GuardianConsentRequired = table.Column<bool>(type: "boolean", nullable: false),
                    GuardianConsentConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Volunteers", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_Volunteers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Volunteers_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Volunteers_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationMembers",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationMembers", x => new { x.OrganizationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_OrganizationMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganizationMembers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuardianConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuardianName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GuardianNationalId = table.Column<string>(type: "character(10)", fixedLength: true, maxLength: 10, nullable: false),
                    GuardianMobile = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuardianConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuardianConsents_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerFields",
                columns: table => new
                {
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerFields", x => new { x.VolunteerId, x.FieldId });
                    table.ForeignKey(
                        name: "FK_VolunteerFields_Fields_FieldId",
                        column: x => x.FieldId,
                        principalTable: "Fields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VolunteerFields_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { new Guid("00000000-0000-0000-0000-000000000001"), "role-1", "Volunteer", "VOLUNTEER" },
                    { new Guid("00000000-0000-0000-0000-000000000002"), "role-2", "OrganizationAdmin", "ORGANIZATIONADMIN" },
                    { new Guid("00000000-0000-0000-0000-000000000003"), "role-3", "OrganizationSupervisor", "ORGANIZATIONSUPERVISOR" },
                    { new Guid("00000000-0000-0000-0000-000000000004"), "role-4", "TeamLeader", "TEAMLEADER" },
                    { new Guid("00000000-0000-0000-0000-000000000005"), "role-5", "RegionalSupervisor", "REGIONALSUPERVISOR" },
                    { new Guid("00000000-0000-0000-0000-000000000006"), "role-6", "PlatformAdmin", "PLATFORMADMIN" }
                });

            migrationBuilder.InsertData(
                table: "Fields",
                columns: new[] { "Id", "Code", "NameAr", "NameEn" },
                values: new object[,]
                {
                    { 1, "health", "الصحي", "Health" },
                    { 2, "education", "التعليمي", "Education" },
                    { 3, "social", "الاجتماعي", "Social" },
                    { 4, "environment", "البيئي", "Environment" },
                    { 5, "culture", "الثقافي", "Culture" },
                    { 6, "sports", "الرياضي", "Sports" },
                    { 7, "entertainment", "الترفيهي", "Entertainment" },
                    { 8, "tourism", "السياحي", "Tourism" },
                    { 9, "municipal", "البلدي", "Municipal" },
                    { 10, "hajj-umrah", "الحج والعمرة", "Hajj and Umrah" },
                    { 11, "emergencies", "الطوارئ والأزمات", "Emergencies and crises" },
                    { 12, "relief", "الإغاثي", "Relief" },
                    { 13, "technology", "التقني", "Technology" },
                    { 14, "legal", "القانوني", "Legal" },
                    { 15, "media", "الإعلامي", "Media" },
                    { 16, "awareness", "التوعوي", "Awareness" },
                    { 17, "family-childhood", "الأسرة والطفولة", "Family and childhood" },
                    { 18, "elderly-care", "رعاية كبار السن", "Elderly care" },
                    { 19, "disabilities", "الأشخاص ذوو الإعاقة", "Persons with disabilities" },
                    { 20, "youth", "الشباب", "Youth" },
                    { 21, "community-development", "تنمية المجتمع", "Community development" },
                    { 22, "heritage", "التراث", "Heritage" },
                    { 23, "arts", "الفنون", "Arts" },
                    { 24, "research", "البحث العلمي", "Research" },
                    { 25, "translation", "الترجمة", "Translation" },
                    { 26, "traffic-safety", "السلامة المرورية", "Traffic safety" },
                    { 27, "civil-defence", "الدفاع المدني", "Civil defence" },
                    { 28, "agriculture", "الزراعي", "Agriculture" },
                    { 29, "animal-welfare", "الرفق بالحيوان", "Animal welfare" },
                    { 30, "professional", "المهني (القائم على المهارات)", "Professional (skills-based)" },
                    { 31, "events", "الفعاليات", "Events" },
                    { 32, "food-security", "الأمن الغذائي", "Food security" },
                    { 33, "housing", "الإسكان", "Housing" }
                });

            migrationBuilder.InsertData(
                table: "Regions",
                columns: new[] { "Id", "Code", "NameAr", "NameEn" },
                values: new object[,]
                {
                    { 1, "riyadh", "الرياض", "Riyadh" },
                    { 2, "makkah", "مكة المكرمة", "Makkah" },
                    { 3, "madinah", "المدينة المنورة", "Madinah" },
                    { 4, "eastern", "المنطقة الشرقية", "Eastern Province" },
                    { 5, "qassim", "القصيم", "Qassim" },
                    { 6, "asir", "عسير", "Asir" },
                    { 7, "tabuk", "تبوك", "Tabuk" },
                    { 8, "hail", "حائل", "Hail" },
                    { 9, "northern-borders", "الحدود الشمالية", "Northern Borders" },
                    { 10, "jazan", "جازان", "Jazan" },
                    { 11, "najran", "نجران", "Najran" },
                    { 12, "bahah", "الباحة", "Al Bahah" },
                    { 13, "jawf", "الجوف", "Al Jawf" }
                });

            migrationBuilder.InsertData(
                table: "Cities",
                columns: new[] { "Id", "NameAr", "NameEn", "RegionId" },
                values: new object[,]
                {
                    { 101, "الرياض", "Riyadh", 1 },
                    { 102, "الخرج", "Al Kharj", 1 },
                    { 103, "الدرعية", "Diriyah", 1 },
                    { 104, "المجمعة", "Al Majmaah", 1 },
                    { 105, "وادي الدواسر", "Wadi ad-Dawasir", 1 },
                    { 106, "الزلفي", "Az Zulfi", 1 },
                    { 107, "شقراء", "Shaqra", 1 },
                    { 108, "الدوادمي", "Ad Dawadmi", 1 },
                    { 109, "عفيف", "Afif", 1 },
                    { 201, "مكة المكرمة", "Makkah", 2 },
                    { 202, "جدة", "Jeddah", 2 },
                    { 203, "الطائف", "Taif", 2 },
                    { 204, "رابغ", "Rabigh", 2 },
                    { 205, "القنفذة", "Al Qunfudhah", 2 },
                    { 206, "الليث", "Al Lith", 2 },
                    { 207, "الجموم", "Al Jumum", 2 },
                    { 208, "خليص", "Khulais", 2 },
                    { 301, "المدينة المنورة", "Madinah", 3 },
                    { 302, "ينبع", "Yanbu", 3 },
                    { 303, "العلا", "AlUla", 3 },
                    { 304, "بدر", "Badr", 3 },
                    { 305, "خيبر", "Khaybar", 3 },
                    { 306, "الحناكية", "Al Hinakiyah", 3 },
                    { 401, "الدمام", "Dammam", 4 },
                    { 402, "الخبر", "Khobar", 4 },
                    { 403, "الظهران", "Dhahran", 4 },
                    { 404, "الأحساء", "Al Ahsa", 4 },
                    { 405, "الجبيل", "Jubail", 4 },
                    { 406, "القطيف", "Qatif", 4 },
                    { 407, "حفر الباطن", "Hafar Al-Batin", 4 },
                    { 408, "الخفجي", "Khafji", 4 },
                    { 409, "رأس تنورة", "Ras Tanura", 4 },
                    { 501, "بريدة", "Buraydah", 5 },
                    { 502, "عنيزة", "Unaizah", 5 },
                    { 503, "الرس", "Ar Rass", 5 },
                    { 504, "البكيرية", "Al Bukayriyah", 5 },
                    { 505, "المذنب", "Al Mithnab", 5 },
                    { 601, "أبها", "Abha", 6 },
                    { 602, "خميس مشيط", "Khamis Mushait", 6 },
                    { 603, "بيشة", "Bisha", 6 },
                    { 604, "النماص", "An Namas", 6 },
                    { 605, "محايل عسير", "Muhayil Asir", 6 },
                    { 701, "تبوك", "Tabuk", 7 },
                    { 702, "أملج", "Umluj", 7 },
                    { 703, "الوجه", "Al Wajh", 7 },
                    { 704, "ضباء", "Duba", 7 },
                    { 705, "تيماء", "Tayma", 7 },
                    { 706, "حقل", "Haql", 7 },
                    { 801, "حائل", "Hail", 8 },
                    { 802, "بقعاء", "Baqaa", 8 },
                    { 803, "الغزالة", "Al Ghazalah", 8 },
                    { 804, "الشنان", "Ash Shinan", 8 },
                    { 901, "عرعر", "Arar", 9 },
                    { 902, "رفحاء", "Rafha", 9 },
                    { 903, "طريف", "Turaif", 9 },
                    { 904, "العويقيلة", "Al Uwayqilah", 9 },
                    { 1001, "جازان", "Jazan", 10 },
                    { 1002, "صبيا", "Sabya", 10 },
                    { 1003, "أبو عريش", "Abu Arish", 10 },
                    { 1004, "صامطة", "Samtah", 10 },
                    { 1005, "فرسان", "Farasan", 10 },
                    { 1101, "نجران", "Najran", 11 },
                    { 1102, "شرورة", "Sharurah", 11 },
                    { 1103, "حبونا", "Habuna", 11 },
                    { 1201, "الباحة", "Al Bahah", 12 },
                    { 1202, "بلجرشي", "Baljurashi", 12 },
                    { 1203, "المخواة", "Al Mikhwah", 12 },
                    { 1204, "العقيق", "Al Aqiq", 12 },
                    { 1301, "سكاكا", "Sakaka", 13 },
                    { 1302, "دومة الجندل", "Dumat al-Jandal", 13 },
                    { 1303, "القريات", "Al Qurayyat", 13 },
                    { 1304, "طبرجل", "Tabarjal", 13 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PhoneNumber",
                table: "AspNetUsers",
                column: "PhoneNumber");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cities_RegionId",
                table: "Cities",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_UserId_Kind",
                table: "ConsentRecords",
                columns: new[] { "UserId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Fields_Code",
                table: "Fields",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuardianConsents_TokenHash",
                table: "GuardianConsents",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuardianConsents_VolunteerId",
                table: "GuardianConsents",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationMembers_UserId",
                table: "OrganizationMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_CityId",
                table: "Organizations",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_RegionId",
                table: "Organizations",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Status_RegionId",
                table: "Organizations",
                columns: new[] { "Status", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_UserId",
                table: "OutboxMessages",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_RegionalAssignments_RegionId",
                table: "RegionalAssignments",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Code",
                table: "Regions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerFields_FieldId",
                table: "VolunteerFields",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_CityId",
                table: "Volunteers",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_NationalId",
                table: "Volunteers",
                column: "NationalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_RegionId_Gender",
                table: "Volunteers",
                columns: new[] { "RegionId", "Gender" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "ConsentRecords");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "GuardianConsents");

            migrationBuilder.DropTable(
                name: "OrganizationMembers");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "RegionalAssignments");

            migrationBuilder.DropTable(
                name: "VolunteerFields");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Organizations");

            migrationBuilder.DropTable(
                name: "Fields");

            migrationBuilder.DropTable(
                name: "Volunteers");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Cities");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
