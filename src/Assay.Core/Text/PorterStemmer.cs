namespace Assay.Text;

/// <summary>
/// Martin Porter's stemming algorithm (1980) in the form of his reference implementation, which
/// adds the two published departures (step 2: "bli" -> "ble", "logi" -> "log"). Input is one
/// lower-case ASCII token. NLTK's default mode (used by rouge-score) adds a few special cases of
/// its own (e.g. "dying" -> "die"); stems can differ from it on such rare words.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2)
        {
            return word;
        }

        var s = new Stemming(word);
        s.Step1Ab();
        if (s.K > 0)
        {
            s.Step1C();
            s.Step2();
            s.Step3();
            s.Step4();
            s.Step5();
        }

        return s.Result;
    }

    /// <summary>The word being stemmed: buffer <c>b</c>, end <c>K</c> (inclusive), and <c>j</c>, the end of the stem before a matched suffix.</summary>
    private sealed class Stemming(string word)
    {
        private readonly char[] b = word.ToCharArray();
        private int j;

        public int K { get; private set; } = word.Length - 1;

        public string Result => new(b, 0, K + 1);

        private bool Cons(int i) => b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !Cons(i - 1),
            _ => true,
        };

        // The measure m of b[0..j]: the number of vowel-consonant sequences.
        private int M()
        {
            var n = 0;
            var i = 0;
            while (true)
            {
                if (i > j)
                {
                    return n;
                }

                if (!Cons(i))
                {
                    break;
                }

                i++;
            }

            i++;
            while (true)
            {
                while (true)
                {
                    if (i > j)
                    {
                        return n;
                    }

                    if (Cons(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
                n++;
                while (true)
                {
                    if (i > j)
                    {
                        return n;
                    }

                    if (!Cons(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= j; i++)
            {
                if (!Cons(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleC(int i) => i >= 1 && b[i] == b[i - 1] && Cons(i);

        // consonant-vowel-consonant ending at i, the last consonant not w, x or y: "hop" -> "hope".
        private bool Cvc(int i) =>
            i >= 2 && Cons(i) && !Cons(i - 1) && Cons(i - 2) && b[i] is not ('w' or 'x' or 'y');

        private bool Ends(string s)
        {
            var length = s.Length;
            if (length > K + 1 || b[K] != s[^1])
            {
                return false;
            }

            if (!b.AsSpan(K - length + 1, length).SequenceEqual(s))
            {
                return false;
            }

            j = K - length;
            return true;
        }

        private void SetTo(string s)
        {
            s.CopyTo(0, b, j + 1, s.Length);
            K = j + s.Length;
        }

        private void R(string s)
        {
            if (M() > 0)
            {
                SetTo(s);
            }
        }

        public void Step1Ab()
        {
            if (b[K] == 's')
            {
                if (Ends("sses"))
                {
                    K -= 2;
                }
                else if (Ends("ies"))
                {
                    SetTo("i");
                }
                else if (b[K - 1] != 's')
                {
                    K--;
                }
            }

            if (Ends("eed"))
            {
                if (M() > 0)
                {
                    K--;
                }
            }
            else if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                K = j;
                if (Ends("at"))
                {
                    SetTo("ate");
                }
                else if (Ends("bl"))
                {
                    SetTo("ble");
                }
                else if (Ends("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleC(K))
                {
                    K--;
                    if (b[K] is 'l' or 's' or 'z')
                    {
                        K++;
                    }
                }
                else if (M() == 1 && Cvc(K))
                {
                    SetTo("e");
                }
            }
        }

        public void Step1C()
        {
            if (Ends("y") && VowelInStem())
            {
                b[K] = 'i';
            }
        }

        public void Step2()
        {
            if (K < 1)
            {
                return;
            }

            string[][] rules = b[K - 1] switch
            {
                'a' => [["ational", "ate"], ["tional", "tion"]],
                'c' => [["enci", "ence"], ["anci", "ance"]],
                'e' => [["izer", "ize"]],
                'l' => [["bli", "ble"], ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"]],
                'o' => [["ization", "ize"], ["ation", "ate"], ["ator", "ate"]],
                's' => [["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"]],
                't' => [["aliti", "al"], ["iviti", "ive"], ["biliti", "ble"]],
                'g' => [["logi", "log"]],
                _ => [],
            };
            ApplyFirst(rules);
        }

        public void Step3()
        {
            string[][] rules = b[K] switch
            {
                'e' => [["icate", "ic"], ["ative", ""], ["alize", "al"]],
                'i' => [["iciti", "ic"]],
                'l' => [["ical", "ic"], ["ful", ""]],
                's' => [["ness", ""]],
                _ => [],
            };
            ApplyFirst(rules);
        }

        // The first matching suffix decides, even when its measure condition then fails.
        private void ApplyFirst(string[][] rules)
        {
            foreach (var rule in rules)
            {
                if (Ends(rule[0]))
                {
                    R(rule[1]);
                    return;
                }
            }
        }

        public void Step4()
        {
            if (K < 1)
            {
                return;
            }

            var matched = b[K - 1] switch
            {
                'a' => Ends("al"),
                'c' => Ends("ance") || Ends("ence"),
                'e' => Ends("er"),
                'i' => Ends("ic"),
                'l' => Ends("able") || Ends("ible"),
                'n' => Ends("ant") || Ends("ement") || Ends("ment") || Ends("ent"),
                'o' => (Ends("ion") && j >= 0 && b[j] is 's' or 't') || Ends("ou"),
                's' => Ends("ism"),
                't' => Ends("ate") || Ends("iti"),
                'u' => Ends("ous"),
                'v' => Ends("ive"),
                'z' => Ends("ize"),
                _ => false,
            };
            if (matched && M() > 1)
            {
                K = j;
            }
        }

        public void Step5()
        {
            j = K;
            if (b[K] == 'e')
            {
                var a = M();
                if (a > 1 || (a == 1 && !Cvc(K - 1)))
                {
                    K--;
                }
            }

            if (b[K] == 'l' && DoubleC(K) && M() > 1)
            {
                K--;
            }
        }
    }
}
