using Assay.Text;

namespace Assay.Services.Text;

/// <summary>
/// Turns text into index terms for BM25 and for query-coverage: words, minus English stop
/// words, Porter-stemmed. The same analyzer runs on documents and queries, so "vacations"
/// matches "vacation", "requesting" "request" and "resignation" "resign".
/// </summary>
public static class TermAnalyzer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further",
        "get", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my",
        "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
        "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the",
        "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to",
        "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "s", "t",
        "many", "much", "may", "must", "also", "us", "i'm", "im", "tell", "please", "let",
    };

    public static IEnumerable<string> Terms(string text) =>
        TextTools.Words(text).Where(w => !StopWords.Contains(w)).Select(Stem);

    /// <summary>Porter's stemmer, except for numbers and words with digits, which stay as written.</summary>
    public static string Stem(string word) => word.Any(char.IsDigit) ? word : PorterStemmer.Stem(word);
}
