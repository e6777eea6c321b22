"""Random variations of a store as Python's plistlib writes and reads them, for
PlistlibDifferentialTests.

  gen SEED COUNT BASE OUTDIR   writes OUTDIR/case-N.plist and prints one line per case:
                               N, plistlib's verdict, the value it read (canonical), the
                               variations made
  check OUTDIR N...            for each N, compares what plistlib reads from
                               case-N.saved.plist with what it read from case-N.plist,
                               modulo what a save changes by design; prints one line
                               per case: N, "same" or the first difference

The canonical form is the one the Swift side makes of its own reading (`canonical`
there): strings and data as hex of their bytes, reals as their bit pattern, dates as
whole seconds since 1970, integers in decimal, dictionaries sorted by key.
"""

import base64
import datetime
import plistlib
import random
import struct
import sys

EPOCH = datetime.datetime(1970, 1, 1)


def canonical(v):
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, int):
        return "i" + str(v)
    if isinstance(v, float):
        return "r%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]
    if isinstance(v, str):
        return "s" + v.encode("utf-8", "surrogatepass").hex()
    if isinstance(v, (bytes, bytearray)):
        return "x" + bytes(v).hex()
    if isinstance(v, datetime.datetime):
        return "D%d" % int((v.replace(tzinfo=None) - EPOCH).total_seconds())
    if isinstance(v, list):
        return "[" + ",".join(canonical(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(
            canonical(k) + ":" + canonical(v[k]) for k in sorted(v)) + "}"
    raise TypeError(type(v))


BOUNDARY = [0, -1, 1, 2**31, 2**53 + 1, 2**63 - 1, -(2**63), 2**63, 2**64 - 1]


def unknown_value(rng, depth=0):
    kind = rng.randrange(9 if depth < 2 else 7)
    if kind == 0:
        return rng.choice(["", "x", "Åsa & Örjan <chef>", "tab\there", "emoji \U0001F600",
                           "\u00e5\u00e4\u00f6", "ends with space ", "a]]b", "line\nbreak"])
    if kind == 1:
        return rng.choice(BOUNDARY)
    if kind == 2:
        return rng.choice([0.5, -0.0, 1e20, 30.0, float("inf"), 1.0 / 3, -2.5e-300])
    if kind == 3:
        return rng.choice([True, False])
    if kind == 4:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(6)))
    if kind == 5:
        return datetime.datetime(rng.randrange(1900, 2100), rng.randrange(1, 13),
                                 rng.randrange(1, 29), rng.randrange(24), rng.randrange(60))
    if kind == 6:
        return rng.randrange(-1000, 1000)
    if kind == 7:
        return [unknown_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    return {"k%d" % i: unknown_value(rng, depth + 1) for i in range(rng.randrange(3))}


def dicts_in(value, path=()):
    """Every dictionary inside value, with its path."""
    if isinstance(value, dict):
        yield path, value
        for k, v in value.items():
            yield from dicts_in(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from dicts_in(v, path + (i,))


def shuffled(value, rng):
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        return {k: shuffled(value[k], rng) for k in keys}
    if isinstance(value, list):
        return [shuffled(v, rng) for v in value]
    return value


def variation(base, rng, binary_ok=True):
    d = plistlib.loads(base)
    m = d["municipality"]
    made = []
    # Unknown keys: always one in the first department (the save edits it), and at
    # other levels by chance.
    m["departments"][0]["x_unknown_dep"] = unknown_value(rng)
    places = list(dicts_in(d))
    for _ in range(rng.randrange(1, 8)):
        path, target = rng.choice(places)
        target["x_unknown_%d" % rng.randrange(10**6)] = unknown_value(rng)
    made.append("unknown keys")
    if rng.random() < 0.5:
        d = shuffled(d, rng)
        made.append("key order")
    if binary_ok and rng.random() < 0.12:
        made.append("binary")
        return plistlib.dumps(d, fmt=plistlib.FMT_BINARY, sort_keys=False), made
    text = plistlib.dumps(d, sort_keys=False).decode("utf-8")

    def some(old, new, chance=0.3):
        nonlocal text
        parts = text.split(old)
        out = parts[0]
        for p in parts[1:]:
            out += (new if rng.random() < chance else old) + p
        text = out

    if rng.random() < 0.2:
        some("</integer>", "\n</integer>", 0.5)
        some("<integer>", "<integer> ", 0.5)
        some("<real>", "<real>\t", 0.5)
        made.append("space in numbers")
    if rng.random() < 0.15:
        # CDATA around some strings without markup
        import re
        text = re.sub(r"<string>([^<&\]]*)</string>",
                      lambda mo: "<string><![CDATA[%s]]></string>" % mo.group(1)
                      if rng.random() < 0.3 else mo.group(0), text)
        made.append("CDATA")
    if rng.random() < 0.2:
        some("\u00e5", "&#229;")
        some("\u00f6", "&#xF6;")
        some("<string>a", "<string>&#97;")
        made.append("character references")
    if rng.random() < 0.15:
        some("<key>name</key>", "<key>name</key><string>first of two</string><key>name</key>",
             0.4)
        made.append("duplicate keys")
    if rng.random() < 0.1:
        some("</string>\n", "</string>\n<!-- a comment -->\n", 0.2)
        made.append("comments")
    if rng.random() < 0.1:
        text = text.replace("\t", "  ")
        made.append("spaces for tabs")
    if rng.random() < 0.05:
        some("<true/>", "<true></true>", 0.5)
        made.append("<true></true>")
    if rng.random() < 0.05:
        some("Z</date>", "Z trailing</date>", 0.5)
        made.append("text after a date")
    if rng.random() < 0.06:
        import re
        text = re.sub(r"(<key>x_unknown_\d+</key>\s*<integer>)-?\d+",
                      lambda mo: mo.group(1) + "123456789012345678901234567890", text)
        made.append("integer beyond 64 bits")
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
        made.append("CRLF")
    data = None
    r = rng.random()
    if r < 0.1:
        try:
            data = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"', 1).encode("latin-1")
            made.append("ISO-8859-1")
        except UnicodeEncodeError:
            data = None
    elif r < 0.15:
        try:
            data = text.replace('encoding="UTF-8"', 'encoding="windows-1252"', 1).encode("cp1252")
            made.append("Windows-1252")
        except UnicodeEncodeError:
            data = None
    if data is None:
        data = text.encode("utf-8")
    if rng.random() < 0.15:
        data = b"\xef\xbb\xbf" + data
        made.append("BOM")
    # In UTF-8 only: in Latin-1 or Windows-1252 most such bytes are characters.
    if (rng.random() < 0.05 and b"</string>" in data[len(data) // 3:]
            and "ISO-8859-1" not in made and "Windows-1252" not in made):
        at = data.index(b"</string>", len(data) // 3)
        data = data[:at] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbf\xbe"]) + data[at:]
        made.append("bytes that are not UTF-8 or XML")
    return data, made


def gen(seed, count, base_path, out):
    base = open(base_path, "rb").read()
    for n in range(count):
        rng = random.Random(seed * 1_000_003 + n)
        try:
            data, made = variation(base, rng)
        except OverflowError:
            data, made = variation(base, random.Random(seed * 1_000_003 + n), binary_ok=False)
        open("%s/case-%d.plist" % (out, n), "wb").write(data)
        try:
            verdict, value = "accepted", canonical(plistlib.loads(data))
        except Exception as e:
            verdict, value = "refused", type(e).__name__
        print("%d\t%s\t%s\t%s" % (n, verdict, value, ", ".join(made)))


def designed(d):
    """What a save changes by design: the save's own stamp."""
    for key in ("savedAt", "savedBy", "saveID"):
        d.pop(key, None)
    return d


def check(out, cases):
    for n in cases:
        before = designed(plistlib.load(open("%s/case-%d.plist" % (out, n), "rb")))
        before["municipality"]["departments"][0]["name"] = "Differential"
        try:
            after = designed(plistlib.load(open("%s/case-%d.saved.plist" % (out, n), "rb")))
        except Exception as e:
            print("%d\tplistlib refuses the saved file: %s" % (n, e))
            continue
        a, b = canonical(before), canonical(after)
        if a == b:
            print("%d\tsame" % n)
        else:
            k = next(i for i in range(min(len(a), len(b))) if a[i] != b[i]) if a[:1] == b[:1] else 0
            print("%d\tdiffers at %d: %r / %r" % (n, k, a[max(0, k - 80):k + 80], b[max(0, k - 80):k + 80]))


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5])
    else:
        check(sys.argv[2], [int(n) for n in sys.argv[3:]])
