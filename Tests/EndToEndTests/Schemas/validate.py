"""Reads the real consumers' view of a `virtlab grade` report: argv[1] is the
format, argv[2] the report file (argv[3] a JSON schema for JSON formats).
Prints a one-line summary the Swift test compares; exits 1 when a consumer rejects it."""
import csv, json, sys
import xml.etree.ElementTree as ET

fmt, path = sys.argv[1], sys.argv[2]
if fmt in ("json", "gradescope", "exercism"):
    import jsonschema
    with open(path) as f:
        doc = json.load(f)
    with open(sys.argv[3]) as f:
        jsonschema.validate(doc, json.load(f))
    if fmt == "gradescope":
        print("score=%s tests=%d hidden=%d" % (doc["score"], len(doc["tests"]),
              sum(t["visibility"] == "after_published" for t in doc["tests"])))
    elif fmt == "exercism":
        print("status=%s tests=%d" % (doc["status"], len(doc.get("tests", []))))
    else:
        subs = doc["submissions"] if "submissions" in doc else [doc]
        print(" ".join("%s=%d" % (s["submission"].split("/")[-1], s["score"]) for s in subs))
elif fmt == "junit":
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    assert root.tag in ("testsuite", "testsuites"), root.tag
    for s in suites:
        cases = s.findall("testcase")
        assert int(s.get("tests")) == len(cases)
        assert int(s.get("failures")) == sum(c.find("failure") is not None for c in cases)
        assert int(s.get("errors")) == sum(c.find("error") is not None for c in cases)
        float(s.get("time"))
        for c in cases:
            assert c.get("name") and c.get("classname")
            float(c.get("time"))
    print(" ".join("tests=%s failures=%s errors=%s" % (s.get("tests"), s.get("failures"), s.get("errors")) for s in suites))
elif fmt == "csv":
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    width = len(rows[0])
    assert rows[0][0] == "submission" and rows[0][-1] == "total"
    assert all(len(r) == width for r in rows)
    for r in rows[1:]:
        assert sum(int(x) for x in r[1:-1]) == int(r[-1])
    print(" ".join("%s=%s" % (r[0], r[-1]) for r in rows[1:]))
else:
    sys.exit("unknown format " + fmt)
