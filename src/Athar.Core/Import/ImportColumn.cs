using Athar.Core.Text;

namespace Athar.Core.Import;

/// <summary>A template column: its key, the header names accepted in English and Arabic, and an example value.</summary>
public sealed record ImportColumn(string Key, string English, string Arabic, bool Required, string Example)
{
    public string HeaderFor(bool arabic) => arabic ? Arabic : English;

    /// <summary>Headers compare without case, spaces, punctuation, tatweel or hamza forms: "National ID", "national_id" and "رقم الهوية" all match.</summary>
    public static string HeaderKey(string? header) => ArabicNormalizer.Normalize(header).Replace(" ", string.Empty, StringComparison.Ordinal);
}

/// <summary>The documented columns of each kind (docs/import.md). The first row of a file names them, in either language, in any order.</summary>
public static class ImportTemplates
{
    public static readonly IReadOnlyList<ImportColumn> Volunteers =
    [
        new("national_id", "National ID", "رقم الهوية", true, "1000000008"),
        new("name_ar", "Name (Arabic)", "الاسم بالعربية", true, "سارة أحمد القحطاني"),
        new("name_en", "Name (English)", "الاسم بالإنجليزية", false, "Sara Ahmed Alqahtani"),
        new("gender", "Gender", "الجنس", true, "female"),
        new("birth_date", "Birth date", "تاريخ الميلاد", true, "1998-04-21"),
        new("phone", "Mobile", "الجوال", true, "0551234567"),
        new("email", "Email", "البريد الإلكتروني", true, "sara@example.sa"),
        new("region", "Region", "المنطقة", true, "Riyadh"),
        new("city", "City", "المدينة", true, "Riyadh"),
    ];

    public static readonly IReadOnlyList<ImportColumn> Opportunities =
    [
        new("reference", "Reference", "المرجع", true, "OPP-2025-001"),
        new("title_ar", "Title (Arabic)", "العنوان بالعربية", true, "توزيع السلال الغذائية"),
        new("title_en", "Title (English)", "العنوان بالإنجليزية", false, "Food basket distribution"),
        new("description_ar", "Description (Arabic)", "الوصف بالعربية", true, "توزيع السلال على الأسر المستحقة في الحي"),
        new("description_en", "Description (English)", "الوصف بالإنجليزية", false, "Distributing baskets to families in need"),
        new("field", "Field", "المجال", true, "Social"),
        new("region", "Region", "المنطقة", true, "Riyadh"),
        new("city", "City", "المدينة", true, "Riyadh"),
        new("start_date", "Start date", "تاريخ البداية", true, "2025-03-01"),
        new("end_date", "End date", "تاريخ النهاية", true, "2025-03-30"),
    ];

    public static readonly IReadOnlyList<ImportColumn> Hours =
    [
        new("national_id", "National ID", "رقم الهوية", true, "1000000008"),
        new("opportunity", "Opportunity reference", "مرجع الفرصة", true, "OPP-2025-001"),
        new("date", "Date", "التاريخ", true, "2025-03-02"),
        new("hours", "Hours", "الساعات", true, "4.5"),
    ];

    public static IReadOnlyList<ImportColumn> For(ImportKind kind) => kind switch
    {
        ImportKind.Volunteers => Volunteers,
        ImportKind.Opportunities => Opportunities,
        ImportKind.Hours => Hours,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ImportColumn Column(ImportKind kind, string key) => For(kind).First(c => c.Key == key);
}
