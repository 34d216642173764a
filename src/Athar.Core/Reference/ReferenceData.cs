namespace Athar.Core.Reference;

/// <summary>
/// The reference data seeded by migration: the 13 administrative regions with their main cities,
/// and the volunteering fields. Ids are fixed forever: migrations, imports and statistics refer to them.
/// </summary>
public static class ReferenceData
{
    public static IReadOnlyList<RegionInfo> Regions { get; } =
    [
        new(1, "riyadh", "الرياض", "Riyadh"),
        new(2, "makkah", "مكة المكرمة", "Makkah"),
        new(3, "madinah", "المدينة المنورة", "Madinah"),
        new(4, "eastern", "المنطقة الشرقية", "Eastern Province"),
        new(5, "qassim", "القصيم", "Qassim"),
        new(6, "asir", "عسير", "Asir"),
        new(7, "tabuk", "تبوك", "Tabuk"),
        new(8, "hail", "حائل", "Hail"),
        new(9, "northern-borders", "الحدود الشمالية", "Northern Borders"),
        new(10, "jazan", "جازان", "Jazan"),
        new(11, "najran", "نجران", "Najran"),
        new(12, "bahah", "الباحة", "Al Bahah"),
        new(13, "jawf", "الجوف", "Al Jawf"),
    ];

    public static IReadOnlyList<CityInfo> Cities { get; } =
    [
        new(101, 1, "الرياض", "Riyadh"), new(102, 1, "الخرج", "Al Kharj"), new(103, 1, "الدرعية", "Diriyah"),
        new(104, 1, "المجمعة", "Al Majmaah"), new(105, 1, "وادي الدواسر", "Wadi ad-Dawasir"), new(106, 1, "الزلفي", "Az Zulfi"),
        new(107, 1, "شقراء", "Shaqra"), new(108, 1, "الدوادمي", "Ad Dawadmi"), new(109, 1, "عفيف", "Afif"),
        new(201, 2, "مكة المكرمة", "Makkah"), new(202, 2, "جدة", "Jeddah"), new(203, 2, "الطائف", "Taif"),
        new(204, 2, "رابغ", "Rabigh"), new(205, 2, "القنفذة", "Al Qunfudhah"), new(206, 2, "الليث", "Al Lith"),
        new(207, 2, "الجموم", "Al Jumum"), new(208, 2, "خليص", "Khulais"),
        new(301, 3, "المدينة المنورة", "Madinah"), new(302, 3, "ينبع", "Yanbu"), new(303, 3, "العلا", "AlUla"),
        new(304, 3, "بدر", "Badr"), new(305, 3, "خيبر", "Khaybar"), new(306, 3, "الحناكية", "Al Hinakiyah"),
        new(401, 4, "الدمام", "Dammam"), new(402, 4, "الخبر", "Khobar"), new(403, 4, "الظهران", "Dhahran"),
        new(404, 4, "الأحساء", "Al Ahsa"), new(405, 4, "الجبيل", "Jubail"), new(406, 4, "القطيف", "Qatif"),
        new(407, 4, "حفر الباطن", "Hafar Al-Batin"), new(408, 4, "الخفجي", "Khafji"), new(409, 4, "رأس تنورة", "Ras Tanura"),
        new(501, 5, "بريدة", "Buraydah"), new(502, 5, "عنيزة", "Unaizah"), new(503, 5, "الرس", "Ar Rass"),
        new(504, 5, "البكيرية", "Al Bukayriyah"), new(505, 5, "المذنب", "Al Mithnab"),
        new(601, 6, "أبها", "Abha"), new(602, 6, "خميس مشيط", "Khamis Mushait"), new(603, 6, "بيشة", "Bisha"),
        new(604, 6, "النماص", "An Namas"), new(605, 6, "محايل عسير", "Muhayil Asir"),
        new(701, 7, "تبوك", "Tabuk"), new(702, 7, "أملج", "Umluj"), new(703, 7, "الوجه", "Al Wajh"),
        new(704, 7, "ضباء", "Duba"), new(705, 7, "تيماء", "Tayma"), new(706, 7, "حقل", "Haql"),
        new(801, 8, "حائل", "Hail"), new(802, 8, "بقعاء", "Baqaa"), new(803, 8, "الغزالة", "Al Ghazalah"), new(804, 8, "الشنان", "Ash Shinan"),
        new(901, 9, "عرعر", "Arar"), new(902, 9, "رفحاء", "Rafha"), new(903, 9, "طريف", "Turaif"), new(904, 9, "العويقيلة", "Al Uwayqilah"),
        new(1001, 10, "جازان", "Jazan"), new(1002, 10, "صبيا", "Sabya"), new(1003, 10, "أبو عريش", "Abu Arish"),
        new(1004, 10, "صامطة", "Samtah"), new(1005, 10, "فرسان", "Farasan"),
        new(1101, 11, "نجران", "Najran"), new(1102, 11, "شرورة", "Sharurah"), new(1103, 11, "حبونا", "Habuna"),
        new(1201, 12, "الباحة", "Al Bahah"), new(1202, 12, "بلجرشي", "Baljurashi"), new(1203, 12, "المخواة", "Al Mikhwah"), new(1204, 12, "العقيق", "Al Aqiq"),
        new(1301, 13, "سكاكا", "Sakaka"), new(1302, 13, "دومة الجندل", "Dumat al-Jandal"), new(1303, 13, "القريات", "Al Qurayyat"), new(1304, 13, "طبرجل", "Tabarjal"),
    ];

    public static IReadOnlyList<FieldInfo> Fields { get; } =
    [
        new(1, "health", "الصحي", "Health"),
        new(2, "education", "التعليمي", "Education"),
        new(3, "social", "الاجتماعي", "Social"),
        new(4, "environment", "البيئي", "Environment"),
        new(5, "culture", "الثقافي", "Culture"),
        new(6, "sports", "الرياضي", "Sports"),
        new(7, "entertainment", "الترفيهي", "Entertainment"),
        new(8, "tourism", "السياحي", "Tourism"),
        new(9, "municipal", "البلدي", "Municipal"),
        new(10, "hajj-umrah", "الحج والعمرة", "Hajj and Umrah"),
        new(11, "emergencies", "الطوارئ والأزمات", "Emergencies and crises"),
        new(12, "relief", "الإغاثي", "Relief"),
        new(13, "technology", "التقني", "Technology"),
        new(14, "legal", "القانوني", "Legal"),
        new(15, "media", "الإعلامي", "Media"),
        new(16, "awareness", "التوعوي", "Awareness"),
        new(17, "family-childhood", "الأسرة والطفولة", "Family and childhood"),
        new(18, "elderly-care", "رعاية كبار السن", "Elderly care"),
        new(19, "disabilities", "الأشخاص ذوو الإعاقة", "Persons with disabilities"),
        new(20, "youth", "الشباب", "Youth"),
        new(21, "community-development", "تنمية المجتمع", "Community development"),
        new(22, "heritage", "التراث", "Heritage"),
        new(23, "arts", "الفنون", "Arts"),
        new(24, "research", "البحث العلمي", "Research"),
        new(25, "translation", "الترجمة", "Translation"),
        new(26, "traffic-safety", "السلامة المرورية", "Traffic safety"),
        new(27, "civil-defence", "الدفاع المدني", "Civil defence"),
        new(28, "agriculture", "الزراعي", "Agriculture"),
        new(29, "animal-welfare", "الرفق بالحيوان", "Animal welfare"),
        new(30, "professional", "المهني (القائم على المهارات)", "Professional (skills-based)"),
        new(31, "events", "الفعاليات", "Events"),
        new(32, "food-security", "الأمن الغذائي", "Food security"),
        new(33, "housing", "الإسكان", "Housing"),
    ];

    public static RegionInfo? FindRegion(int id) => Regions.FirstOrDefault(r => r.Id == id);

    public static CityInfo? FindCity(int id) => Cities.FirstOrDefault(c => c.Id == id);
}

public sealed record RegionInfo(int Id, string Code, string NameAr, string NameEn);

public sealed record CityInfo(int Id, int RegionId, string NameAr, string NameEn);

public sealed record FieldInfo(int Id, string Code, string NameAr, string NameEn);
