using System.Text;

namespace Iomete.Testing.Tpch;

/// <summary>
/// The spec's pseudo-text (clause 4.2.2.10): a pool of sentences from its grammar and weighted word lists;
/// a comment is a substring of one pool entry at a random offset with a random length, as in dbgen.
/// </summary>
internal static class TpchText
{
    public const string PoolName = "tpch_text_pool";
    public const int PoolSize = 4096;
    private const int SentencesPerEntry = 8;

    private static readonly (string Word, int Weight)[] Nouns =
    [
        ("packages", 40), ("requests", 40), ("accounts", 40), ("deposits", 40), ("foxes", 20), ("ideas", 20),
        ("theodolites", 20), ("pinto beans", 20), ("instructions", 20), ("dependencies", 10), ("excuses", 10),
        ("platelets", 10), ("asymptotes", 10), ("courts", 5), ("dolphins", 5), ("multipliers", 1), ("sauternes", 1),
        ("warthogs", 1), ("frets", 1), ("dinos", 1), ("attainments", 1), ("somas", 1), ("Tiresias", 1), ("patterns", 1),
        ("forges", 1), ("braids", 1), ("frays", 1), ("warhorses", 1), ("dugouts", 1), ("notornis", 1), ("epitaphs", 1),
        ("pearls", 1), ("tithes", 1), ("waters", 1), ("orbits", 1), ("gifts", 1), ("sheaves", 1), ("depths", 1),
        ("sentiments", 1), ("decoys", 1), ("realms", 1), ("pains", 1), ("grouches", 1), ("escapades", 1), ("hockey players", 1),
    ];

    private static readonly (string Word, int Weight)[] Verbs =
    [
        ("sleep", 20), ("wake", 20), ("are", 20), ("cajole", 20), ("haggle", 20), ("nag", 10), ("use", 10), ("boost", 10),
        ("affix", 5), ("detect", 5), ("integrate", 5), ("maintain", 1), ("nod", 1), ("was", 1), ("lose", 1), ("sublate", 1),
        ("solve", 1), ("thrash", 1), ("promise", 1), ("engage", 1), ("hinder", 1), ("print", 1), ("x-ray", 1), ("breach", 1),
        ("eat", 1), ("grow", 1), ("impress", 1), ("mold", 1), ("poach", 1), ("serve", 1), ("run", 1), ("dazzle", 1),
        ("snooze", 1), ("doze", 1), ("unwind", 1), ("kindle", 1), ("play", 1), ("hang", 1), ("believe", 1), ("doubt", 1),
    ];

    private static readonly (string Word, int Weight)[] Adjectives =
    [
        ("special", 20), ("pending", 20), ("unusual", 20), ("express", 20), ("furious", 1), ("sly", 1), ("careful", 1),
        ("blithe", 1), ("quick", 1), ("fluffy", 1), ("slow", 1), ("quiet", 1), ("ruthless", 1), ("thin", 1), ("close", 1),
        ("dogged", 1), ("daring", 1), ("brave", 1), ("stealthy", 1), ("permanent", 1), ("enticing", 1), ("idle", 1),
        ("busy", 1), ("regular", 50), ("final", 40), ("ironic", 40), ("even", 30), ("bold", 20), ("silent", 10),
    ];

    private static readonly (string Word, int Weight)[] Adverbs =
    [
        ("sometimes", 1), ("always", 1), ("never", 1), ("furiously", 50), ("slyly", 50), ("carefully", 50),
        ("blithely", 40), ("quickly", 30), ("fluffily", 20), ("slowly", 1), ("quietly", 1), ("ruthlessly", 1),
        ("thinly", 1), ("closely", 1), ("doggedly", 1), ("daringly", 1), ("bravely", 1), ("stealthily", 1),
        ("permanently", 1), ("enticingly", 1), ("idly", 1), ("busily", 1), ("regularly", 1), ("finally", 1),
        ("ironically", 1), ("evenly", 1), ("boldly", 1), ("silently", 1),
    ];

    private static readonly (string Word, int Weight)[] Prepositions =
    [
        ("about", 50), ("above", 50), ("according to", 50), ("across", 50), ("after", 50), ("against", 40), ("along", 40),
        ("alongside of", 30), ("among", 30), ("around", 20), ("at", 10), ("atop", 1), ("before", 1), ("behind", 1),
        ("beneath", 1), ("beside", 1), ("besides", 1), ("between", 1), ("beyond", 1), ("by", 1), ("despite", 1),
        ("during", 1), ("except", 1), ("for", 1), ("from", 1), ("in place of", 1), ("inside", 1), ("instead of", 1),
        ("into", 1), ("near", 1), ("of", 1), ("on", 1), ("outside", 1), ("over", 1), ("past", 1), ("since", 1),
        ("through", 1), ("throughout", 1), ("to", 1), ("toward", 1), ("under", 1), ("until", 1), ("up", 1), ("upon", 1),
        ("without", 1), ("with", 1), ("within", 1),
    ];

    private static readonly (string Word, int Weight)[] Auxiliaries =
    [
        ("do", 1), ("may", 1), ("might", 1), ("shall", 1), ("will", 1), ("would", 1), ("can", 1), ("could", 1),
        ("should", 1), ("ought to", 1), ("must", 1), ("will have to", 1), ("shall have to", 1), ("could have to", 1),
        ("should have to", 1), ("must have to", 1), ("need to", 1), ("try to", 1),
    ];

    private static readonly (string Word, int Weight)[] Terminators =
        [(".", 50), (";", 1), (":", 1), ("?", 1), ("!", 1), ("--", 1)];

    /// <summary>The CTE body: <see cref="PoolSize"/> rows (id, txt), each txt a run of grammar sentences (clause 4.2.2.14).</summary>
    public static string PoolCte()
    {
        var salt = 0;
        string H(int modulo) => $"({TpchSql.Hash("id * 16 + s", ++salt)} % {modulo})::INTEGER";
        string Pick((string Word, int Weight)[] words) => $"{List(words)}[1 + {H(words.Sum(x => x.Weight))}]";
        // Innermost: every random choice once, as a column; then noun/verb phrases; then the sentence.
        var picks = new List<string> { $"{H(11)} AS g", $"{Pick(Terminators)} AS t" };
        for (var k = 1; k <= 4; k++)
        {
            picks.Add($"{H(90)} AS np{k}c");
            picks.Add($"{Pick(Nouns)} AS np{k}n");
            picks.Add($"{Pick(Adjectives)} AS np{k}j");
            picks.Add($"{Pick(Adjectives)} AS np{k}k");
            picks.Add($"{Pick(Adverbs)} AS np{k}d");
        }
        picks.Add($"{H(72)} AS vpc");
        picks.Add($"{Pick(Verbs)} AS vpv");
        picks.Add($"{Pick(Auxiliaries)} AS vpx");
        picks.Add($"{Pick(Adverbs)} AS vpd");
        picks.Add($"{Pick(Prepositions)} AS pp1");
        picks.Add($"{Pick(Prepositions)} AS pp2");
        var phrases = string.Join(", ", Enumerable.Range(1, 4).Select(k =>
            $"CASE WHEN np{k}c < 10 THEN np{k}n WHEN np{k}c < 30 THEN np{k}j || ' ' || np{k}n "
            + $"WHEN np{k}c < 40 THEN np{k}j || ', ' || np{k}k || ' ' || np{k}n ELSE np{k}d || ' ' || np{k}j || ' ' || np{k}n END AS np{k}"));
        const string vp = "CASE WHEN vpc < 30 THEN vpv WHEN vpc < 31 THEN vpx || ' ' || vpv WHEN vpc < 71 THEN vpv || ' ' || vpd "
            + "ELSE vpx || ' ' || vpv || ' ' || vpd END AS vp";
        const string sentence = "CASE WHEN g < 3 THEN np1 || ' ' || vp WHEN g < 6 THEN np1 || ' ' || vp || ' ' || pp1 || ' the ' || np2 "
            + "WHEN g < 9 THEN np1 || ' ' || vp || ' ' || np2 WHEN g < 10 THEN np1 || ' ' || pp1 || ' the ' || np2 || ' ' || vp || ' ' || np3 "
            + "ELSE np1 || ' ' || pp1 || ' the ' || np2 || ' ' || vp || ' ' || pp2 || ' the ' || np4 END || t";
        return $"SELECT id, string_agg({sentence}, ' ' ORDER BY s) AS txt FROM (SELECT id, s, g, t, pp1, pp2, {phrases}, {vp} FROM "
            + $"(SELECT id, s, {string.Join(", ", picks)} FROM range({PoolSize}) p(id), range({SentencesPerEntry}) q(s))) GROUP BY id";
    }

    /// <summary>Rows drawn per table: comments repeat beyond this (dbgen's are nearly unique).</summary>
    public const long MaxComments = 1 << 18;

    /// <summary>
    /// Joins, as <paramref name="alias"/>, a set of min(rows, <see cref="MaxComments"/>) comments of minLength..maxLength
    /// characters (substrings of pool entries at random offsets), one chosen per row by <paramref name="keyHash"/>.
    /// Slicing once per comment instead of once per row matters: DuckDB's substr walks computed strings character
    /// by character (a CTE has no ASCII statistics), which made it the largest cost of lineitem.
    /// </summary>
    public static string Join(string alias, string keyHash, int salt, int minLength, int maxLength, long rows)
    {
        var count = Math.Max(1, Math.Min(rows, MaxComments));
        var offset = $"({TpchSql.Hash("c", salt + 1)} % greatest(strlen(p.txt) - {maxLength}, 1))::INTEGER";
        var length = $"({TpchSql.Hash("c", salt + 2)} % {maxLength - minLength + 1})::INTEGER";
        return $"JOIN (SELECT c AS id, substr(p.txt, 1 + {offset}, {minLength} + {length}) AS txt FROM range({count}) r(c) "
            + $"JOIN {PoolName} AS p ON p.id = ({TpchSql.Hash("c", salt + 3)} % {PoolSize})::BIGINT) AS {alias} "
            + $"ON {alias}.id = ({keyHash} % {count})::BIGINT";
    }

    private static string List((string Word, int Weight)[] words)
    {
        var list = new StringBuilder("[");
        var first = true;
        foreach (var (word, weight) in words)
        {
            for (var i = 0; i < weight; i++, first = false)
            {
                list.Append(first ? "" : ",").Append('\'').Append(word).Append('\'');
            }
        }
        return list.Append(']').ToString();
    }
}
