using System.Globalization;
using System.Text;
using Athar.Core.Reference;
using Athar.Core.Text;

namespace Athar.Core.Opportunities;

/// <summary>
/// The search text of an opportunity and the shape of a query, from the one normaliser
/// (<see cref="ArabicNormalizer.Tokens"/>). The stored text is " tok1 tok2 … " with a space on both
/// sides, so a query token t matches every stored token starting with t: FTS5 prefix terms on SQLite,
/// LIKE '% t%' (trigram-indexed) on PostgreSQL.
/// </summary>
public static class OpportunitySearch
{
    public const int MaxQueryTokens = 20;
    public const int MaxTokenLength = 40;

    /// <summary>The column's size; tokens past it are dropped whole.</summary>
    public const int MaxSearchTextLength = 12_000;

    public static string BuildSearchText(params string?[] parts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder(" ");
        foreach (var part in parts)
        {
            foreach (var token in ArabicNormalizer.Tokens(part))
            {
                if (sb.Length + token.Length + 1 > MaxSearchTextLength)
                    return sb.ToString();
                if (seen.Add(token))
                    sb.Append(token).Append(' ');
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The search text of one opportunity: both titles, both descriptions, the required skills, the
    /// organisation's names, and the field's and city's names from the reference data. Every writer of
    /// opportunities (the web feature, seeders, imports) builds it here, so they all index the same words.
    /// </summary>
    public static string ForOpportunity(
        string titleAr, string? titleEn, string descriptionAr, string? descriptionEn, string? requiredSkills,
        string organizationNameAr, string? organizationNameEn, int fieldId, int cityId)
    {
        var field = ReferenceData.Fields.FirstOrDefault(f => f.Id == fieldId);
        var city = ReferenceData.FindCity(cityId);
        return BuildSearchText(
            titleAr, titleEn, descriptionAr, descriptionEn, requiredSkills,
            organizationNameAr, organizationNameEn, field?.NameAr, field?.NameEn, city?.NameAr, city?.NameEn);
    }

    /// <summary>The query's tokens: at most 20, each cut to 40 characters (a prefix still finds the longer word).</summary>
    public static IReadOnlyList<string> QueryTokens(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return [];
        // Bound the work before normalising: 20 tokens of 40 characters fit well within this.
        var text = query.Length > 2_000 ? query[..2_000] : query;
        var tokens = new List<string>();
        foreach (var token in ArabicNormalizer.Tokens(text))
        {
            var cut = token.Length > MaxTokenLength ? token[..MaxTokenLength] : token;
            if (!tokens.Contains(cut, StringComparer.Ordinal))
                tokens.Add(cut);
            if (tokens.Count == MaxQueryTokens)
                break;
        }
        return tokens;
    }

    /// <summary>An FTS5 MATCH expression: every token as a quoted prefix term, all required ("tok1"* "tok2"*).</summary>
    public static string Fts5Match(IReadOnlyList<string> tokens) =>
        string.Join(' ', tokens.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));

    /// <summary>A LIKE pattern matching a stored token that starts with the query token. Tokens hold only letters and digits, so nothing needs escaping.</summary>
    public static string LikePattern(string token) => string.Create(CultureInfo.InvariantCulture, $"% {token}%");
}
