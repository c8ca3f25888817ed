using System.Globalization;
using System.Text;

namespace Assay.Embeddings.Tokenization.Unicode;

/// <summary>
/// Unicode NFKC normalisation in managed code. The reference tokenizer normalises with
/// JavaScript's <c>normalize("NFKC")</c>; .NET's <see cref="string.Normalize()"/> is a no-op
/// for non-ASCII text when the app runs with invariant globalization (as Assay does), so the
/// tables come from <c>nfkc-table.txt</c> (see make-nfkc-table.py) and the algorithm is the
/// standard one: full compatibility decomposition, canonical ordering, canonical composition.
/// </summary>
internal static class Nfkc
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly Lazy<Tables> Data = new(Tables.Load);

    public static string Normalize(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text; // ASCII is already in NFKC.
        }

        var tables = Data.Value;
        var decomposed = new List<int>(text.Length + 8);
        foreach (var rune in EnumerateCodePoints(text))
        {
            Decompose(rune, tables, decomposed);
        }

        Reorder(decomposed, tables);
        Compose(decomposed, tables);

        var builder = new StringBuilder(decomposed.Count);
        foreach (var cp in decomposed)
        {
            AppendCodePoint(builder, cp);
        }

        return builder.ToString();
    }

    /// <summary>Code points as JavaScript's for-of sees them: a lone surrogate stands for itself.</summary>
    internal static IEnumerable<int> EnumerateCodePoints(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yield return char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else
            {
                yield return text[i];
            }
        }
    }

    internal static void AppendCodePoint(StringBuilder builder, int cp)
    {
        if (cp >= 0x10000)
        {
            builder.Append(char.ConvertFromUtf32(cp));
        }
        else
        {
            builder.Append((char)cp);
        }
    }

    private static void Decompose(int cp, Tables tables, List<int> output)
    {
        var s = cp - SBase;
        if (s is >= 0 and < SCount)
        {
            output.Add(LBase + (s / NCount));
            output.Add(VBase + (s % NCount / TCount));
            if (s % TCount != 0)
            {
                output.Add(TBase + (s % TCount));
            }

            return;
        }

        if (tables.Decompositions.TryGetValue(cp, out var mapping))
        {
            output.AddRange(mapping);
        }
        else
        {
            output.Add(cp);
        }
    }

    /// <summary>Stable sort of each run of combining marks by combining class.</summary>
    private static void Reorder(List<int> cps, Tables tables)
    {
        for (var i = 1; i < cps.Count; i++)
        {
            var cc = tables.Class(cps[i]);
            if (cc == 0)
            {
                continue;
            }

            for (var j = i; j > 0; j--)
            {
                var previous = tables.Class(cps[j - 1]);
                if (previous <= cc)
                {
                    break;
                }

                (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
            }
        }
    }

    private static void Compose(List<int> cps, Tables tables)
    {
        if (cps.Count == 0)
        {
            return;
        }

        var result = new List<int>(cps.Count) { cps[0] };
        var starterIndex = tables.Class(cps[0]) == 0 ? 0 : -1;
        var lastClass = tables.Class(cps[0]) == 0 ? 0 : 256;
        for (var i = 1; i < cps.Count; i++)
        {
            var cp = cps[i];
            var cc = tables.Class(cp);
            if (starterIndex >= 0 && (lastClass < cc || lastClass == 0) && TryCompose(result[starterIndex], cp, tables, out var composite))
            {
                result[starterIndex] = composite;
                continue;
            }

            if (cc == 0)
            {
                starterIndex = result.Count;
            }

            lastClass = cc;
            result.Add(cp);
        }

        cps.Clear();
        cps.AddRange(result);
    }

    private static bool TryCompose(int first, int second, Tables tables, out int composite)
    {
        var l = first - LBase;
        if (l is >= 0 and < LCount)
        {
            var v = second - VBase;
            if (v is >= 0 and < VCount)
            {
                composite = SBase + (((l * VCount) + v) * TCount);
                return true;
            }
        }

        var s = first - SBase;
        if (s is >= 0 and < SCount && s % TCount == 0)
        {
            var t = second - TBase;
            if (t is > 0 and < TCount)
            {
                composite = first + t;
                return true;
            }
        }

        return tables.Compositions.TryGetValue(((long)first << 21) | (uint)second, out composite);
    }

    private sealed class Tables
    {
        public Dictionary<int, int[]> Decompositions { get; } = [];

        public Dictionary<int, byte> Classes { get; } = [];

        public Dictionary<long, int> Compositions { get; } = [];

        public int Class(int cp) => Classes.TryGetValue(cp, out var c) ? c : 0;

        public static Tables Load()
        {
            var tables = new Tables();
            using var stream = typeof(Nfkc).Assembly.GetManifestResourceStream("Assay.Embeddings.nfkc-table.txt")
                ?? throw new InvalidOperationException("The NFKC table resource is missing from Assay.Embeddings.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var parts = line.Split(' ');
                var cp = int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                switch (parts[0])
                {
                    case "d":
                        tables.Decompositions[cp] = parts[2..].Select(p => int.Parse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
                        break;
                    case "c":
                        tables.Classes[cp] = byte.Parse(parts[2], CultureInfo.InvariantCulture);
                        break;
                    case "p":
                        var second = int.Parse(parts[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        tables.Compositions[((long)cp << 21) | (uint)second] = int.Parse(parts[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        break;
                    default:
                        throw new InvalidDataException($"Unknown NFKC table line '{line}'.");
                }
            }

            return tables;
        }
    }
}
