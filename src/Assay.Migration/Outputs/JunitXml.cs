using System.Globalization;
using System.Xml.Linq;
using Assay.Migration.Evaluation;

namespace Assay.Migration.Outputs;

/// <summary>
/// junit.xml, the gate for CI: one test suite per candidate with one test case per criterion
/// (failed = the criterion is not met, with the figure as the message), and a "decision" suite
/// whose one case fails when no candidate is recommended.
/// </summary>
internal static class JunitXml
{
    public static string Write(StudyResults r)
    {
        var stamp = r.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var suites = new List<XElement>();
        foreach (var c in r.Decision.Candidates)
        {
            var cases = c.Criteria.Count == 0
                ? [Case(c.Model, "criteria", false, "no decision criteria were stated in the study file")]
                : c.Criteria.Select(x => Case(c.Model, x.Criterion, x.Passed, x.Reason)).ToList();
            suites.Add(Suite("candidate " + c.Model, cases, stamp));
        }

        var recommended = r.Decision.RecommendedModel is not null;
        suites.Add(Suite("decision", [Case("decision", "a candidate meets every criterion", recommended, r.Decision.Summary)], stamp));
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "assay migrate " + r.StudyName),
            new XAttribute("tests", suites.Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", suites.Sum(s => (int)s.Attribute("failures")!)),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    private static XElement Suite(string name, List<XElement> cases, string stamp) => new(
        "testsuite",
        new XAttribute("name", name),
        new XAttribute("tests", cases.Count),
        new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
        new XAttribute("errors", 0),
        new XAttribute("timestamp", stamp),
        cases);

    private static XElement Case(string className, string name, bool passed, string reason)
    {
        var e = new XElement("testcase", new XAttribute("classname", className), new XAttribute("name", name));
        e.Add(passed ? new XElement("system-out", reason) : new XElement("failure", new XAttribute("message", reason), reason));
        return e;
    }
}
