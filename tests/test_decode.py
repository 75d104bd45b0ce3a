import codecs

import pytest

from flows.decode import Undecodable, decode, declared_charset


def test_utf8_is_read_as_utf8():
    assert decode("Zürich — café".encode()) == ("Zürich — café", "utf-8")


def test_utf8_bom_is_stripped():
    text, enc = decode(codecs.BOM_UTF8 + "héllo".encode())
    assert (text, enc) == ("héllo", "utf-8-sig")


def test_cp1252_curly_quotes_without_charset():
    text, enc = decode("“Quoted” – text".encode("cp1252"))
    assert enc == "cp1252" and text == "“Quoted” – text"


def test_utf16_without_bom_is_detected():
    text, enc = decode("Plain ASCII news text in UTF-16".encode("utf-16-le"))
    assert enc == "utf-16-le" and text.startswith("Plain ASCII")


def test_declared_charset_wins_for_html():
    page = '<meta charset="iso-8859-7"><p>Αθήνα</p>'.encode("iso-8859-7")
    assert declared_charset(page) == "iso8859-7"
    assert "Αθήνα" in decode(page, html=True)[0]


@pytest.mark.parametrize("data,reason", [
    (b"", "empty_file"), (b" \n\t ", "empty_file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary_content"), (b"%PDF-1.7\n%\xe2\xe3", "binary_content"),
    (bytes(range(0, 32)) * 50, "binary_content"),
])
def test_unreadable_bytes_name_their_reason(data, reason):
    with pytest.raises(Undecodable) as err:
        decode(data)
    assert err.value.reason == reason


def test_valid_utf8_beats_a_stale_latin1_declaration():
    page = '<meta charset="iso-8859-1"><p>Zürich Straße</p>'.encode("utf-8")
    assert decode(page, html=True) == ('<meta charset="iso-8859-1"><p>Zürich Straße</p>', "utf-8")


def test_utf8_page_with_a_stray_latin1_byte_stays_utf8():
    page = ("<p>" + "Grüße aus Köln " * 10 + "</p>").encode() + b"<!-- M\xe4scot -->"
    text, enc = decode(page, html=True)
    assert enc == "utf-8" and "Grüße aus Köln" in text


def test_cp1252_without_charset_keeps_curly_quotes():
    assert decode("“Café” – naïve".encode("cp1252"), html=True) == ("“Café” – naïve", "cp1252")


def test_charset_names_python_cannot_look_up_are_ignored():
    from flows.decode import decode

    page = "<p>Grüße aus Köln</p>".encode()
    for charset in ("u\x00tf-8", "utf-8\udcff", "x" * 10_000, ""):
        assert decode(page, html=True, charset=charset) == ("<p>Grüße aus Köln</p>", "utf-8")
