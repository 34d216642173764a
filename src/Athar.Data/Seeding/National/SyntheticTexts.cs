using System.Globalization;
using Athar.Core.Localization;
using Athar.Core.Reference;
using Athar.Data.Organizations;

namespace Athar.Data.Seeding.National;

/// <summary>
/// Bilingual organisation names and opportunity texts, composed from phrases written for this
/// project: an activity of the field, a place and, in its season, the occasion.
/// </summary>
public static class SyntheticTexts
{
    public sealed record Phrase(string Ar, string En);

    /// <summary>Activities by field id; fields without their own use the general ones.</summary>
    private static readonly Dictionary<int, Phrase[]> Activities = new()
    {
        [1] = [new("التوعية الصحية في المراكز التجارية", "Health awareness in shopping centres"), new("حملة التبرع بالدم", "Blood donation drive"), new("استقبال المراجعين في المستشفى", "Welcoming hospital visitors")],
        [2] = [new("تقوية الطلاب في الرياضيات", "Maths tutoring for pupils"), new("محو الأمية للكبار", "Adult literacy classes"), new("مكتبة الحي للأطفال", "Neighbourhood children's library")],
        [3] = [new("زيارة الأسر المحتاجة", "Visiting families in need"), new("توزيع السلال الغذائية", "Food basket distribution"), new("دعم الأيتام في الإجازة", "Holiday support for orphans")],
        [4] = [new("تشجير الحدائق العامة", "Tree planting in public parks"), new("تنظيف الشواطئ", "Beach clean-up"), new("فرز النفايات وإعادة التدوير", "Waste sorting and recycling")],
        [5] = [new("تنظيم معرض الكتاب", "Book fair organisation"), new("أمسية ثقافية", "Cultural evening")],
        [6] = [new("تنظيم ماراثون المشي", "Walking marathon marshals"), new("دوري كرة القدم للأحياء", "Neighbourhood football league")],
        [7] = [new("فعاليات الأطفال في الحدائق", "Children's activities in parks"), new("استقبال زوار المهرجان", "Festival visitor welcome")],
        [8] = [new("إرشاد السياح في المواقع التاريخية", "Guiding tourists at historic sites"), new("مكتب استقبال الزوار", "Visitor information desk")],
        [9] = [new("تجميل الأحياء السكنية", "Beautifying residential streets"), new("صيانة الحدائق", "Park maintenance")],
        [10] = [new("إرشاد ضيوف الرحمن", "Guiding pilgrims"), new("سقيا الحجاج والمعتمرين", "Water for pilgrims"), new("تفويج الحشود في المشاعر", "Crowd guidance at the holy sites")],
        [11] = [new("الاستجابة للطوارئ والأزمات", "Emergency and crisis response"), new("إيواء المتضررين من السيول", "Sheltering flood victims")],
        [12] = [new("تجهيز المساعدات الإغاثية", "Preparing relief aid"), new("فرز التبرعات العينية", "Sorting donated goods")],
        [13] = [new("تدريب كبار السن على التطبيقات", "Teaching seniors to use apps"), new("تطوير موقع الجمعية", "Building the association's website"), new("تعليم البرمجة للأطفال", "Teaching children to code")],
        [14] = [new("الاستشارات القانونية المجانية", "Free legal advice"), new("التوعية بالحقوق العمالية", "Workers' rights awareness")],
        [15] = [new("التصوير والتوثيق الإعلامي", "Photography and media coverage"), new("إدارة حسابات التواصل", "Running social media accounts")],
        [16] = [new("التوعية بالسلامة المنزلية", "Home safety awareness"), new("حملة ترشيد المياه", "Water saving campaign")],
        [17] = [new("رعاية الأطفال في المراكز", "Childcare at community centres"), new("الإرشاد الأسري", "Family counselling support")],
        [18] = [new("زيارة دور المسنين", "Visiting care homes"), new("مرافقة كبار السن", "Accompanying the elderly")],
        [19] = [new("مرافقة الأشخاص ذوي الإعاقة", "Assisting persons with disabilities"), new("ترجمة لغة الإشارة", "Sign language interpreting")],
        [20] = [new("ملتقى الشباب", "Youth forum"), new("برنامج الإرشاد المهني للشباب", "Career mentoring for youth")],
        [21] = [new("تنمية الأحياء", "Neighbourhood development"), new("مبادرة جار الحي", "Good neighbour initiative")],
        [22] = [new("توثيق التراث الشفهي", "Recording oral heritage"), new("ترميم البيوت التراثية", "Restoring heritage houses")],
        [23] = [new("ورشة الرسم للأطفال", "Painting workshop for children"), new("جدارية الحي", "Neighbourhood mural")],
        [24] = [new("جمع البيانات الميدانية", "Field data collection"), new("مساعدة الباحثين", "Research assistance")],
        [25] = [new("ترجمة المحتوى التوعوي", "Translating awareness material"), new("الترجمة للزوار", "Interpreting for visitors")],
        [26] = [new("التوعية المرورية عند المدارس", "Road safety at school gates"), new("حملة حزام الأمان", "Seat belt campaign")],
        [27] = [new("التدريب على الإسعافات الأولية", "First aid training"), new("خطط الإخلاء في المدارس", "School evacuation drills")],
        [28] = [new("الزراعة المنزلية", "Home gardening"), new("حصاد التمور", "Date harvest")],
        [29] = [new("رعاية الحيوانات الضالة", "Caring for stray animals"), new("حملة تطعيم الحيوانات", "Animal vaccination campaign")],
        [30] = [new("الاستشارات المحاسبية للجمعيات", "Accounting advice for charities"), new("التصميم الهندسي للمرافق", "Engineering design for facilities")],
        [31] = [new("تنظيم الفعاليات الوطنية", "National events stewarding"), new("استقبال ضيوف المؤتمر", "Conference guest welcome")],
        [32] = [new("بنك الطعام", "Food bank"), new("حفظ النعمة", "Surplus food rescue")],
        [33] = [new("ترميم منازل الأسر المحتاجة", "Repairing homes of families in need"), new("تأثيث المساكن", "Furnishing homes")],
    };

    public static Phrase Activity(SyntheticRandom random, int fieldId) =>
        random.Pick(Activities.TryGetValue(fieldId, out var phrases) ? phrases : Activities[3]);

    public static Phrase? Occasion(Season season) => season switch
    {
        Season.Ramadan => new("في رمضان", "in Ramadan"),
        Season.Hajj => new("في موسم الحج", "in the Hajj season"),
        Season.VolunteerDay => new("في اليوم العالمي للتطوع", "on International Volunteer Day"),
        _ => null,
    };

    public static Phrase Title(Phrase activity, CityInfo city, Season season)
    {
        var occasion = Occasion(season);
        return occasion is null
            ? new($"{activity.Ar} في {city.NameAr}", $"{activity.En} in {city.NameEn}")
            : new($"{activity.Ar} {occasion.Ar} في {city.NameAr}", $"{activity.En} {occasion.En}, {city.NameEn}");
    }

    private static readonly Phrase[] Openings =
    [
        new("ندعو المتطوعين للمشاركة في", "Volunteers are invited to join"),
        new("فرصة للمساهمة في", "A chance to take part in"),
        new("نبحث عن متطوعين ومتطوعات لـ", "We are looking for volunteers for"),
    ];

    private static readonly Phrase[] Closings =
    [
        new("يحصل المشارك على ساعات تطوعية موثقة وشهادة.", "Participants receive verified volunteering hours and a certificate."),
        new("التدريب متاح قبل بدء الوردية.", "Training is given before the shift starts."),
        new("نرحب بأصحاب الخبرة وبالمتطوعين الجدد.", "Experienced and new volunteers are welcome."),
    ];

    public static Phrase Description(SyntheticRandom random, Phrase activity, string organizationAr, string? organizationEn)
    {
        var opening = random.Pick(Openings);
        var closing = random.Pick(Closings);
        return new($"{opening.Ar} {activity.Ar} مع {organizationAr}. {closing.Ar}", $"{opening.En} {activity.En.ToLowerInvariant()} with {organizationEn}. {closing.En}");
    }

    public static Phrase OrganizationName(SyntheticRandom random, OrganizationType type, FieldInfo field, CityInfo city, SyntheticNames.Name person, int serial)
    {
        // The serial keeps names of many organisations of one kind in one city apart, as registries do.
        return type switch
        {
            OrganizationType.Government => random.Chance(0.5)
                ? new($"أمانة {city.NameAr} - إدارة {serial}", $"{city.NameEn} Municipality, department {serial}")
                : new($"مديرية القطاع {field.NameAr} في {city.NameAr} ({serial})", $"{field.NameEn} directorate, {city.NameEn} ({serial})"),
            OrganizationType.NonProfitAssociation => new($"جمعية {field.NameAr} الخيرية في {city.NameAr} ({serial})", $"{city.NameEn} {field.NameEn} Charitable Association ({serial})"),
            OrganizationType.PrivateCompany => new($"شركة {person.Arabic} للخدمات ({serial})", $"{person.English} Services Company ({serial})"),
            OrganizationType.University => new($"جامعة {city.NameAr} - كلية {serial}", $"{city.NameEn} University, college {serial}"),
            _ => new($"مؤسسة {person.Arabic} الخيرية ({serial})", $"{person.English} Charitable Foundation ({serial})"),
        };
    }

    /// <summary>A neighbourhood named from a generated given name, as many are named (حي الفاضل, Al-Fadil district).</summary>
    public static Phrase Neighbourhood(SyntheticNames.Name name) => new($"حي ال{name.Arabic}", $"Al-{name.English} district");

    public static (Phrase Name, Phrase Description) Team(Phrase neighbourhood, CityInfo city, FieldInfo field, LocalizedText organization, int serial) =>
        (new($"فريق {neighbourhood.Ar} التطوعي ({serial})", $"{neighbourhood.En} volunteer team ({serial})"),
         new($"فريق تطوعي في {neighbourhood.Ar} بمدينة {city.NameAr} يعمل في المجال {field.NameAr} مع {organization.Ar}.",
             $"A volunteer team in {neighbourhood.En}, {city.NameEn}, working in {field.NameEn} with {organization.En}."));

    /// <summary>Tracks (محاور) a programme is organised by.</summary>
    public static readonly Phrase[] ProgramTracks =
    [
        new("تحفيز المتطوعين", "Motivating volunteers"), new("تأسيس فرق الأحياء", "Founding neighbourhood teams"),
        new("التدريب والتأهيل", "Training and qualification"), new("الشراكات المجتمعية", "Community partnerships"),
        new("التطوع التخصصي", "Skilled volunteering"), new("قياس الأثر", "Measuring impact"),
    ];

    public static (Phrase Title, Phrase Description) NationalProgram(int year)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        return (new($"البرنامج الوطني للتطوع {y}", $"National volunteering programme {y}"),
            new($"برنامج المنصة لعام {y}، مفتوح لفرص جميع الجهات، يقاس بالمتطوعين والفرص والساعات الموثقة.",
                $"The platform's programme for {y}, open to every organisation's opportunities, measured in volunteers, opportunities and verified hours."));
    }

    public static (Phrase Title, Phrase Description) Program(Phrase activity, LocalizedText organization, int year)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        return (new($"برنامج {activity.Ar} {y}", $"{activity.En} programme {y}"),
            new($"برنامج سنوي تنفذه {organization.Ar} لعام {y}، بمستهدفات من المتطوعين والساعات الموثقة.",
                $"A yearly programme run by {organization.En} for {y}, with targets for volunteers and verified hours."));
    }

    public static (Phrase Title, Phrase Description) Initiative(Phrase activity, CityInfo city, LocalizedText lead, int partners)
    {
        var n = partners.ToString(CultureInfo.InvariantCulture);
        return (new($"مبادرة {activity.Ar} في {city.NameAr}", $"{activity.En} initiative, {city.NameEn}"),
            new($"مبادرة تقودها {lead.Ar} مع {n} من الجهات الشريكة.", $"An initiative led by {lead.En} with {n} partner organisations."));
    }

    public static readonly Phrase[] Skills =
    [
        new("التواصل", "communication"), new("الإسعافات الأولية", "first aid"), new("القيادة", "leadership"),
        new("التصوير", "photography"), new("البرمجة", "programming"), new("اللغة الإنجليزية", "English"),
        new("التنظيم", "organising"), new("قيادة السيارات", "driving"), new("التدريس", "teaching"),
    ];
}
