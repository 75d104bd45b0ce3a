"""The hostile kinds: each writes its files and returns what must come of them (see hostile_data)."""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from hostile_data import DOC, gzip_bomb, html_page, jsonl, story, text_page, warc, write

Writer = Callable[[Path], dict[str, list[str]]]
KINDS: dict[str, Writer] = {}


def kind(func: Writer) -> Writer:
    """Register a hostile kind under its function's name."""
    KINDS[func.__name__] = func
    return func


_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@kind
def empty_files(folder: Path) -> dict[str, list[str]]:
    write(folder, "empty.txt", b"")
    write(folder, "blank.html", b" \r\n\t\n   \n")
    return {"empty.txt": ["ingest/empty_file"], "blank.html": ["ingest/empty_file"]}


@kind
def binary_named_as_page(folder: Path) -> dict[str, list[str]]:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("story.txt", text_page(1))
    write(folder, "image.html", _PNG + os.urandom(64))
    write(folder, "paper.txt", _PDF)
    write(folder, "bundle.html", buf.getvalue())
    return {name: ["ingest/binary_content"] for name in ("image.html", "paper.txt", "bundle.html")}


@kind
def utf16(folder: Path) -> dict[str, list[str]]:
    write(folder, "utf16_bom.html", "\ufeff".encode("utf-16-le") + html_page(2).encode("utf-16-le"))
    write(folder, "utf16_nobom.txt", text_page(3).encode("utf-16-le"))
    write(folder, "utf16_be_nobom.txt", text_page(4).encode("utf-16-be"))
    return {"utf16_bom.html": [DOC], "utf16_nobom.txt": [DOC], "utf16_be_nobom.txt": [DOC]}


@kind
def invalid_utf8(folder: Path) -> dict[str, list[str]]:
    # A UTF-8 page with two stray bytes among plenty of real multi-byte characters, and one cut mid-character.
    page = text_page(5, headline="Café owners in Zürich welcome the new rules", dateline="ZÜRICH (dpa) — ")
    data = page.encode().replace(b"welcome", b"w\xffelcome\xc3", 1) + ("Grüße aus Köln. " * 30).encode()
    write(folder, "stray_bytes.txt", data)
    write(folder, "cut_mid_char.txt", text_page(6).encode() + "ü".encode()[:1])
    return {"stray_bytes.txt": [DOC], "cut_mid_char.txt": [DOC]}


@kind
def cp1252_without_charset(folder: Path) -> dict[str, list[str]]:
    body = [p + " \u201cIt is fair,\u201d said the mayor \u2013 caf\u00e9 owners agreed." for p in story(7)]
    write(folder, "windows.html", html_page(7, head="", body=body).encode("cp1252"))
    return {"windows.html": [DOC]}


@kind
def wrong_declared_charset(folder: Path) -> dict[str, list[str]]:
    said_utf8 = html_page(8, body=[p + " Déjà vu à Genève." for p in story(8)])
    write(folder, "says_utf8_is_cp1252.html", said_utf8.encode("cp1252"))
    said_latin1 = html_page(9, head='<meta charset="iso-8859-1">', body=[p + " Привет, мир." for p in story(9)])
    write(folder, "says_latin1_is_utf8.html", said_latin1.encode("utf-8"))
    write(folder, "says_bogus.html", html_page(10, head='<meta charset="x-no-such-charset">').encode())
    return {"says_utf8_is_cp1252.html": [DOC], "says_latin1_is_utf8.html": [DOC], "says_bogus.html": [DOC]}


@kind
def nul_bytes(folder: Path) -> dict[str, list[str]]:
    write(folder, "some_nuls.html", html_page(11).replace("<p>", "<p>\x00", 2).encode())
    write(folder, "mostly_nuls.txt", b"\x00\x01\x02" * 5000 + text_page(12).encode())
    return {"some_nuls.html": [DOC], "mostly_nuls.txt": ["ingest/binary_content"]}


@kind
def huge_page(folder: Path) -> dict[str, list[str]]:
    paragraph = "<p>" + " ".join(story(13)) + "</p>\n"
    with open(folder / "fifty_mb.html", "w", encoding="utf-8") as handle:
        handle.write(html_page(13, body=[]).replace("</article>", paragraph * (50_000_000 // len(paragraph))))
    write(folder, "six_mb.html", html_page(14, body=[" ".join(story(14))] * 12_000))
    return {"fifty_mb.html": ["ingest/too_large"], "six_mb.html": ["extract/too_large"]}


@kind
def deep_nesting(folder: Path) -> dict[str, list[str]]:
    write(folder, "deep.html", html_page(15, extra="<div>" * 100_000 + "deep" + "</div>" * 100_000))
    write(folder, "deep_unclosed.html", "<html><body>" + "<span><b><i>" * 34_000 + " ".join(story(16)))
    return {"deep.html": ["extract/too_deep"], "deep_unclosed.html": ["extract/too_deep"]}


@kind
def too_many_elements(folder: Path) -> dict[str, list[str]]:
    write(folder, "wide.html", html_page(17, extra="<span>x</span>" * 60_000))
    return {"wide.html": ["extract/too_many_elements"]}


@kind
def only_scripts(folder: Path) -> dict[str, list[str]]:
    scripts = "".join(f"<script>var story{i} = '{' '.join(story(18 + i))}';</script>" for i in range(30))
    write(folder, "scripts.html", f"<html><head>{scripts}</head><body>{scripts}<noscript></noscript></body></html>")
    return {"scripts.html": ["extract/no_body"]}


@kind
def malformed_entities(folder: Path) -> dict[str, list[str]]:
    junk = " &amp &#xZZ; &#99999999999; &#0; &#xD800; &#x110000; &nbsp &bogus; &; &#; &#x; &lt&gt"
    write(folder, "entities.html", html_page(50, body=[p + junk for p in story(50)]))
    return {"entities.html": [DOC]}


@kind
def gzip_bombs(folder: Path) -> dict[str, list[str]]:
    write(folder, "bomb.jsonl.gz", gzip_bomb(1 << 27, b'{"url": "https://example.org/a", "html": "'))
    write(folder, "bomb.warc.gz", gzip_bomb(1 << 27, b"WARC/1.0\r\nWARC-Type: response\r\nX-Padding: "))
    return {"bomb.jsonl.gz#*": ["ingest/compression_bomb"], "bomb.warc.gz#*": ["ingest/compression_bomb"]}


@kind
def truncated_warc(folder: Path) -> dict[str, list[str]]:
    data = warc([(f"https://example.org/t/{i}", html_page(60 + i).encode()) for i in range(3)])
    write(folder, "cut.warc.gz", data[:-200])
    plain = warc([(f"https://example.org/u/{i}", html_page(70 + i).encode()) for i in range(2)], compress=False)
    write(folder, "cut.warc", plain[:-300])
    return {"cut.warc.gz#*": [DOC, DOC, "ingest/truncated_archive"],
            "cut.warc#*": [DOC, "ingest/truncated_archive"]}


@kind
def header_corrupt_warc(folder: Path) -> dict[str, list[str]]:
    good = warc([(f"https://example.org/h/{i}", html_page(80 + i).encode()) for i in range(2)], compress=False)
    second = good.index(b"WARC/1.0", 10)
    # The second record loses its target URI and its length turns to letters; the first stays readable.
    broken = good[second:].replace(b"WARC-Target-URI:", b"X-Gone:", 1)
    broken = broken.replace(b"Content-Length: ", b"Content-Length: x", 1)
    write(folder, "hdr.warc", good[:second] + broken)
    write(folder, "garbage.warc.gz", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 8)
    write(folder, "no_uri.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n")
    write(folder, "nul_charset.warc", warc([("https://example.org/n", html_page(85).encode())], compress=False,
                                           content_type="text/html; charset=u\x00tf-8"))
    return {"hdr.warc#*": [DOC, "ingest/not_html", "ingest/damaged_archive"],
            "garbage.warc.gz#*": ["ingest/damaged_archive"], "no_uri.warc#*": ["ingest/damaged_archive"],
            "nul_charset.warc#*": [DOC]}


@kind
def broken_jsonl(folder: Path) -> dict[str, list[str]]:
    good = {"url": "https://example.org/j/1", "html": html_page(90), "crawled_at": "2024-03-01T10:00:00Z"}
    lines = jsonl([good]) + b'{"url": "https://example.org/j/2", "html": "<p>cut off\n' + jsonl([
        [1, 2, 3], "just a string", None, {"url": 5, "html": ["not", "text"], "text": {"a": 1}},
        {"url": "https://example.org/j/3", "text": text_page(91), "crawled_at": 17},
        {"url": "https://example.org/j/4", "text": text_page(92), "crawled_at": "9999-12-31T23:00:00-05:00"},
    ]) + b"[" * 100_000 + b"\n" + b'{"url": "https://example.org/\\ud800", "text": ' \
        + json.dumps(text_page(93)).encode() + b"}\n\xff\xfe not json\n"
    write(folder, "export.jsonl", lines)
    return {"export.jsonl#*": [DOC, DOC, DOC, DOC] + ["ingest/bad_record"] * 6 + ["ingest/empty_file"]}


@kind
def symlinks_outside(folder: Path) -> dict[str, list[str]]:
    outside = folder.parent / f"{folder.name}-secret"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text(text_page(100))
    os.symlink(outside / "secret.txt", folder / "link_out.txt")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink(outside, folder / "dir_out.txt")  # a link to a folder is never walked into
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    return {"link_out.txt": ["ingest/outside_input"], "passwd.txt": ["ingest/outside_input"],
            "dir_out.txt": [], "loop_a.txt": ["ingest/unreadable"],
            "loop_b.txt": ["ingest/unreadable"]}


@kind
def odd_file_names(folder: Path) -> dict[str, list[str]]:
    names = ["new\nline.txt", "..dots...txt", "rtl\u202egnp.txt", "zero\u200bwidth.txt", "Cafe\u0301.txt",
             "=HYPERLINK(1).txt", "space .txt", "日本語の記事.txt"]
    for i, name in enumerate(names):
        write(folder, name, text_page(110 + i))
    (folder / "sub..").mkdir()
    write(folder / "sub..", "..x.txt", text_page(120))
    write(folder, b"latin1_caf\xe9.txt", text_page(121))
    out = {name: [DOC] for name in names} | {"sub../..x.txt": [DOC]}
    return out | {"latin1_caf\\xe9.txt": ["ingest/bad_file_name"]}


@kind
def special_files(folder: Path) -> dict[str, list[str]]:
    os.mkfifo(folder / "pipe.txt")
    os.symlink("does-not-exist.txt", folder / "dangling.html")
    return {"pipe.txt": ["ingest/not_a_file"], "dangling.html": ["ingest/unreadable"]}


@kind
def cjk_and_rtl(folder: Path) -> dict[str, list[str]]:
    ja = "東京都議会は火曜日、学校と道路の新しい予算案を賛成多数で可決した。知事は来週、詳しい計画を発表する。"
    zh = "北京市议会周二以多数票通过了学校和道路的新预算。市长表示，下周将公布详细计划。"
    ar = ("صوت مجلس المدينة يوم الثلاثاء على ميزانية جديدة للمدارس والطرق، "
          "وقال رئيس البلدية إن الخطة ستنشر الأسبوع المقبل.")
    he = "מועצת העיר אישרה ביום שלישי תקציב חדש לבתי הספר ולכבישים, וראש העיר אמר שהתוכנית תפורסם בשבוע הבא."
    for name, lang, text, title in (("ja.html", "ja", ja, "予算案を可決"), ("zh.html", "zh", zh, "通过新预算"),
                                    ("ar.html", "ar", ar, "المجلس يقر الميزانية"),
                                    ("he.html", "he", he, "המועצה אישרה את התקציב")):
        write(folder, name, html_page(0, title=title, lang=lang, body=[text * 4, text[::-1] * 3]))
    return {name: [DOC] for name in ("ja.html", "zh.html", "ar.html", "he.html")}


@kind
def impossible_dates(folder: Path) -> dict[str, list[str]]:
    write(folder, "feb31.txt", text_page(130, date="31/02/2024"))
    write(folder, "year1.txt", text_page(131, date="0001-01-01"))
    write(folder, "month13.txt", text_page(132, date="2024-13-45"))
    meta = '<meta charset="utf-8"><meta property="article:published_time" content="0000-02-31T25:61:00Z">'
    write(folder, "meta_feb31.html", html_page(133, head=meta))
    return {name: [DOC] for name in ("feb31.txt", "year1.txt", "month13.txt", "meta_feb31.html")}


@kind
def dateline_without_story(folder: Path) -> dict[str, list[str]]:
    write(folder, "dateline_only.txt", "Council agrees budget\n2024-03-01\n\nWASHINGTON (AP) —\n")
    write(folder, "dateline_only.html", html_page(140, body=["WASHINGTON (AP) —"]))
    return {"dateline_only.txt": ["extract/no_body"], "dateline_only.html": ["extract/no_body"]}


@kind
def hostile_sidecar(folder: Path) -> dict[str, list[str]]:
    write(folder, "listed.html", html_page(150))
    write(folder, "manifest.csv", b"file,url,crawled_at\nlisted.html,https://example.org/x,\x00\xff\xfe\n")
    return {"listed.html": [DOC], "manifest.csv": ["ingest/bad_manifest"]}


@kind
def entity_expansion(folder: Path) -> dict[str, list[str]]:
    secret = folder.parent / f"{folder.name}-xxe.txt"
    secret.write_text("TOP-SECRET-XXE-CONTENT")
    laughs = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 12))
    dtd = f'<!DOCTYPE html [<!ENTITY l0 "lol">{laughs}<!ENTITY xxe SYSTEM "file://{secret}">]>'
    page = html_page(160, extra="<p>&l11; &xxe;</p>").replace("<!DOCTYPE html>", dtd)
    write(folder, "laughs.html", page)
    return {"laughs.html": [DOC]}


@kind
def control_characters(folder: Path) -> dict[str, list[str]]:
    controls = "\x1b[31m red \x1b[0m \u2028 \u2029 \u202e \u200b \ufeff \x07\x08 \ud7ff \uffff"
    write(folder, "controls.txt", text_page(170, headline="Council \x1b[2J agrees budget\u202e").replace(
        "\n\n", f"\n\n{controls} ", 1))
    return {"controls.txt": [DOC]}


@kind
def json_ld_bombs(folder: Path) -> dict[str, list[str]]:
    deep = '<script type="application/ld+json">' + "[" * 100_000 + "</script>"
    wide = '<script type="application/ld+json">[' + ",".join(["0"] * 200_000) + "]</script>"
    write(folder, "ld_deep.html", html_page(180, head='<meta charset="utf-8">' + deep))
    write(folder, "ld_wide.html", html_page(181, head='<meta charset="utf-8">' + wide))
    return {"ld_deep.html": [DOC], "ld_wide.html": [DOC]}


@kind
def formula_text(folder: Path) -> dict[str, list[str]]:
    page = text_page(190, headline="=HYPERLINK(\"http://example.invalid\",\"Council agrees budget\")")
    write(folder, "formula.txt", page)
    return {"formula.txt": [DOC]}
