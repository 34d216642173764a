namespace Athar.Documents;

/// <summary>A piece of document text in Arabic (shown first, right-to-left) and English.</summary>
/// <param name="Arabic">The Arabic text; may contain Latin words and either kind of digits.</param>
/// <param name="English">The English text.</param>
public sealed record BilingualText(string Arabic, string English);
