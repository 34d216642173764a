#!/usr/bin/env python3
"""EXPLAIN (ANALYZE, BUFFERS) of the statement the search API sends on PostgreSQL, for a sample of wrk/search.lua's requests.

    explain.py paths N [SEED]      N request paths drawn like wrk/search.lua (one per line)
    explain.py sql [joined] < paths  the statements SearchOpportunities sends for them, as EXPLAIN ... FORMAT JSON (psql -At -f);
                                   "joined": the statement before migration SearchCost (page joined to Opportunities, Organizations)
    explain.py report [K] < out    totals and percentiles of execution, planning and buffers, then the K costliest

The statement is the one EF Core logs for SearchOpportunities (since migration SearchCost a page of 21 read from
"SearchableOpportunities" alone; before it, cut there and joined by key to "Opportunities" and "Organizations"), with the parameters written in: a custom plan, as Npgsql's unprepared
commands get. The tokens come from a port of ArabicNormalizer.Tokens that covers the words search.lua uses (hamza,
taa marbuta, alef maqsura, the article, English suffixes); check a new word against the C# normaliser before trusting it.
"""
import json
import random
import sys
import urllib.parse

WORDS = ["تنظيف", "الشواطئ", "رمضان", "الحج", "التوعية", "الصحية", "تعليم", "البرمجة", "زيارة", "الاسر",
         "توزيع", "السلال", "الغذائية", "ارشاد", "ضيوف", "مكة", "جدة", "الرياض", "المدينة", "الدمام", "مستشفى", "الدم",
         "الحدائق", "تشجير", "المسنين", "الايتام", "بنك", "الطعام", "الاسعافات", "المرورية", "التراث", "الترجمة",
         "Beach", "Ramadan", "hospital", "Riyadh", "children", "food", "tree", "pilgrims"]
SORTS = ["soonest", "newest", "mostSeats"]

# (order in the page, the set's key column) per sort, as SearchOpportunities.Ordered writes them.
ORDERS = {
    "soonest": ('"NextShiftStartsAt"', '{t}."NextShiftStartsAt", {t}."OpportunityId"'),
    "newest": ('"PublishedAt"', '{t}."PublishedAt" DESC, {t}."OpportunityId" DESC'),
    "mostSeats": ('"SeatsLeft"', '{t}."SeatsLeft" DESC, {t}."OpportunityId"'),
}

JOINED = '''SELECT o."Id", o."TitleAr", o."TitleEn", o0."Id" AS "OrganizationId", o0."NameAr", o0."NameEn", o."FieldId", o."RegionId", o."CityId", o."IsRemote", o."StartDate", o."EndDate", o."NextShiftStartsAt", o."SeatsTotal", o."SeatsTotal" - o."SeatsTaken" AS "SeatsLeft", o."Status", o."Gender", o."RequiredLicense", o."Type", o."PublishedAt"
FROM (SELECT s."OpportunityId", s.{key} FROM "SearchableOpportunities" AS s WHERE {where} ORDER BY {inner} LIMIT 21) AS s0
INNER JOIN "Opportunities" AS o ON s0."OpportunityId" = o."Id"
INNER JOIN "Organizations" AS o0 ON o."OrganizationId" = o0."Id"
ORDER BY {outer}'''

STATEMENT = '''SELECT s."OpportunityId", s."TitleAr", s."TitleEn", s."OrganizationId", s."OrganizationNameAr", s."OrganizationNameEn", s."FieldId", s."RegionId", s."CityId", s."IsRemote", s."StartDate", s."EndDate", s."NextShiftStartsAt", s."SeatsTotal", s."SeatsLeft", s."Status", s."Gender", s."RequiredLicense", s."Type", s."PublishedAt"
FROM "SearchableOpportunities" AS s WHERE {where} ORDER BY {inner} LIMIT 21'''

ARTICLES = ["وال", "بال", "كال", "فال", "لل", "ال"]
FOLDS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"}


def tokens(text):
    out = []
    for word in "".join(FOLDS.get(c, c) for c in text).lower().split():
        if any("\u0600" <= c <= "\u06ff" for c in word):
            word = next((word[len(a):] for a in ARTICLES if len(word) - len(a) >= 2 and word.startswith(a)), word)
        else:
            word = next((word[:-len(s)] for s in ["ings", "ing", "es", "ed", "s"] if len(word) - len(s) >= 4 and word.endswith(s)), word)
        if word and word not in out:
            out.append(word)
    return out


def paths(n, seed):
    rnd = random.Random(seed)
    for _ in range(n):
        q = rnd.choice(WORDS)
        if rnd.random() < 0.35:
            q += " " + rnd.choice(WORDS)
        p = "/api/v1/opportunities?q=" + urllib.parse.quote(q)
        r = rnd.random()
        if r < 0.4:
            p += "&regionId=%d" % rnd.randint(1, 13)
        elif r < 0.6:
            p += "&fieldId=%d" % rnd.randint(1, 33)
        if rnd.random() < 0.3:
            p += "&sort=" + rnd.choice(SORTS)
        print(p)


def statement(path, template):
    qs = dict(urllib.parse.parse_qsl(urllib.parse.urlparse(path).query))
    where = ["s.\"SearchText\" LIKE '%% %s%%' ESCAPE ''" % t for t in tokens(qs.get("q", ""))]
    where += ["s.\"EndDate\" >= (now() AT TIME ZONE 'Asia/Riyadh')::date", 's."LastShiftStartsAt" > now()']
    for name, column in (("regionId", "RegionId"), ("fieldId", "FieldId")):
        if name in qs:
            where.append('s."%s" = %d' % (column, int(qs[name])))
    sort = qs.get("sort", "soonest")
    if sort == "newest":
        where.append('s."PublishedAt" IS NOT NULL')
    key, order = ORDERS[sort]
    return template.format(key=key, where=" AND ".join(where), inner=order.format(t="s"), outer=order.format(t="s0"))


def sql(joined):
    template = JOINED if joined else STATEMENT
    for line in sys.stdin:
        path = line.strip()
        if path:
            print("\\echo '@@ %s'" % path.replace("'", ""))
            print("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement(path, template) + ";")


def nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)


def report(k):
    rows = []
    for chunk in sys.stdin.read().split("@@ ")[1:]:
        path, _, js = chunk.partition("\n")
        explained = json.loads(js)[0]
        root = explained["Plan"]
        scans = sorted({n["Node Type"] + ("(" + n["Index Name"] + ")" if "Index Name" in n else "")
                        for n in nodes(root) if n.get("Relation Name") == "SearchableOpportunities" or "SearchableOpportunities" in n.get("Index Name", "")})
        rows.append((explained["Execution Time"], explained["Planning Time"], root["Shared Hit Blocks"] + root["Shared Read Blocks"],
                     urllib.parse.unquote(path), " + ".join(scans)))
    rows.sort()

    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(p * len(values)))]

    ex, pl, bf = [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
    slow = [r for r in rows if r[0] > 5]
    print("%d statements: execution ms p50 %.2f, p90 %.2f, p99 %.2f, max %.2f, sum %.0f; planning ms p50 %.2f, sum %.0f; "
          "buffers p50 %d, p90 %d, max %d, mean %.0f; over 5 ms: %d statements, %.0f%% of the execution time"
          % (len(rows), pct(ex, .5), pct(ex, .9), pct(ex, .99), max(ex), sum(ex), pct(pl, .5), sum(pl),
             pct(bf, .5), pct(bf, .9), max(bf), sum(bf) / len(bf), len(slow), 100 * sum(r[0] for r in slow) / max(sum(ex), 1e-9)))
    for r in rows[len(rows) - k:] if k > 0 else []:
        print("%8.2f ms  planning %.2f  %6d buffers  %s  %s" % r)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "paths":
        paths(int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    elif command == "sql":
        sql(len(sys.argv) > 2 and sys.argv[2] == "joined")
    elif command == "report":
        report(int(sys.argv[2]) if len(sys.argv) > 2 else 10)
    else:
        sys.exit(__doc__)
