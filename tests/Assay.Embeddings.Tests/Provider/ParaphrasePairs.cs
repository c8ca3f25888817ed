namespace Assay.Embeddings.Tests.Provider;

/// <summary>
/// A small labelled set for the usefulness check: each paraphrase pair says the same thing in
/// different words; each unrelated pair joins sentences on different topics. Written for these
/// tests (not taken from the reference set), in the domains Assay serves.
/// </summary>
internal static class ParaphrasePairs
{
    public static IReadOnlyList<(string A, string B)> Paraphrases { get; } =
    [
        ("How can I improve my credit score?", "What can I do to raise my credit rating?"),
        ("The loan application was rejected.", "The bank turned down the request for a loan."),
        ("My card was charged twice for the same order.", "I was billed two times for one purchase."),
        ("The flight was cancelled because of bad weather.", "Storms caused the airline to cancel the flight."),
        ("Please reset my password.", "I need my password to be reset."),
        ("The meeting is postponed until next week.", "We moved the meeting to next week."),
        ("Interest rates went up again this month.", "This month the interest rates rose once more."),
        ("The package arrived damaged.", "The parcel was broken when it was delivered."),
        ("Where is the nearest train station?", "How do I get to the closest railway station?"),
        ("The new model is cheaper and just as accurate.", "The new model costs less and is equally accurate."),
        ("She is learning to play the piano.", "She is taking piano lessons."),
        ("The server went down last night.", "Last night the server crashed."),
        ("I would like to cancel my subscription.", "Please end my subscription."),
        ("The company reported record profits.", "The firm announced its highest earnings ever."),
    ];

    public static IReadOnlyList<(string A, string B)> Unrelated { get; } =
    [
        ("How can I improve my credit score?", "The cat is sleeping on the sofa."),
        ("The loan application was rejected.", "Tomatoes grow best in full sun."),
        ("My card was charged twice for the same order.", "The orchestra played a symphony by Mahler."),
        ("The flight was cancelled because of bad weather.", "Please reset my password."),
        ("Please reset my password.", "The volcano erupted for three days."),
        ("The meeting is postponed until next week.", "Penguins live in the southern hemisphere."),
        ("Interest rates went up again this month.", "She is learning to play the piano."),
        ("The package arrived damaged.", "The theorem was proved in 1995."),
        ("Where is the nearest train station?", "The company reported record profits."),
        ("The new model is cheaper and just as accurate.", "Add two eggs and stir the batter."),
        ("She is learning to play the piano.", "The server went down last night."),
        ("The server went down last night.", "Children love building sandcastles at the beach."),
        ("I would like to cancel my subscription.", "The river flooded the old town."),
        ("The company reported record profits.", "My grandmother knits warm scarves."),
    ];
}
