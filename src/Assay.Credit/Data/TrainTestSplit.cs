namespace Assay.Credit.Data;

/// <summary>Seeded split stratified by the target, so both parts keep the bad rate.</summary>
internal static class TrainTestSplit
{
    public static (int[] Train, int[] Test) Split(byte[] target, double testShare, int seed)
    {
        var random = new Random(seed);
        var train = new List<int>(target.Length);
        var test = new List<int>(target.Length / 4);
        for (byte cls = 0; cls <= 1; cls++)
        {
            var rows = new List<int>();
            for (var i = 0; i < target.Length; i++)
            {
                if (target[i] == cls)
                {
                    rows.Add(i);
                }
            }

            var arr = rows.ToArray();
            random.Shuffle(arr);
            var nTest = (int)Math.Round(arr.Length * testShare);
            test.AddRange(arr.AsSpan(0, nTest));
            train.AddRange(arr.AsSpan(nTest));
        }

        train.Sort();
        test.Sort();
        return ([.. train], [.. test]);
    }
}
