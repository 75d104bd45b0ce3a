"""An outlet's name as the page itself says it: title prefix/suffix, footer notices and repeated brand names.

The rule is general: a name counts only when the page repeats it in its own furniture (the title's site part,
a copyright or "designed by" notice, other chrome lines) at least twice, and it is not a wire agency, a social
platform or ordinary vocabulary.
"""

from __future__ import annotations

import re
from collections import Counter

from flows import dateline

# Platforms and tools whose names fill share bars and footers of every site; never the outlet.
_PLATFORMS = {
    "facebook", "twitter", "instagram", "whatsapp", "youtube", "linkedin", "pinterest", "telegram", "tiktok",
    "reddit", "tumblr", "xing", "google", "apple", "android", "blogger", "wordpress", "wordpress.com", "disqus",
    "flipboard", "pocket", "rss", "email", "e-mail", "snapchat", "spotify", "jimdo", "wix", "squarespace",
    # Picture agencies credited under every photo ("Picture: Getty Images").
    "getty images", "getty", "shutterstock", "istock", "istockphoto", "alamy", "imago", "picture alliance",
    "picture-alliance", "keystone", "unsplash", "pixabay", "adobe stock", "corbis", "ap photo", "afp photo",
}
# The holder named by a notice: "© 2023 Hafenblatt", "Copyright 2021 Coastline News / All rights",
# "Designed by 4Pixels Copyright ©2011-2015", "© someonesblog 2010 – 2021".
_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright|designed by|powered by|a publication of|ein angebot von)\s*(?:©\s*)?"
    r"(?:\d{4}(?:\s?[-–]\s?\d{4})?,?\s*)?(?P<name>[^\W\d_][\w.&+'’-]*(?:\s[\w.&+'’-]+){0,3})", re.I)
# A notice with a copyright mark and a year: it states who holds the page, not who made or hosts it.
_DATED_NOTICE = re.compile(r"(?:©|\(c\)|copyright).*\b(?:19|20)\d\d\b|\b(?:19|20)\d\d\b.*(?:©|\(c\)|copyright)", re.I)
_HOLDER_KEYS = ("©", "(c)", "copyright", "designed by", "powered by", "publication of", "angebot von")
_HOLDER_STOP = re.compile(
    r"\s(?:all|alle|todos|tous|copyright|©|\d{4}|by|inc|ltd|gmbh|llc|s\.a\.|ag|e\.v\.|media group)\b.*$", re.I)
# Brand-shaped tokens: digits in a name (Radio21, 4Pixels), inner capitals (HarborVoice) or a domain.
_BRAND = re.compile(r"^(?=.*[^\W\d_])(?:\w*\d\w*|[A-Z][a-z]+[A-Z]\w*"
                    r"|[\w-]+\.(?:com|de|net|org|ch|at|co\.uk|fr|es|it|info))$")
# Small words that sit inside proper names ("Zeitung für Stadt & Land").
_NAME_PARTICLES = {"the", "of", "and", "&", "for", "für", "und", "de", "la", "el", "le", "der", "die", "das",
                   "del", "y"}
# The nouns newspapers have named themselves by for three centuries, in the languages of the press.
_MASTHEAD_NOUNS = {
    "times", "post", "herald", "mirror", "record", "gazette", "tribune", "chronicle", "journal", "courier",
    "observer", "telegraph", "express", "standard", "guardian", "examiner", "enquirer", "inquirer", "sentinel",
    "register", "dispatch", "bulletin", "argus", "bugle", "clarion", "advertiser", "advocate", "messenger",
    "mercury", "ledger", "intelligencer", "statesman", "citizen", "globe", "mail", "star", "sun", "echo", "beacon",
    "zeitung", "rundschau", "anzeiger", "kurier", "tagblatt", "nachrichten", "presse", "bote", "diario",
    "periódico", "heraldo", "correo", "gaceta", "gazzetta", "corriere", "messaggero", "giornale", "jornal",
    "gazeta", "correio", "folha", "courrier", "dépêche", "quotidien", "gazet", "krant", "tidning", "tidende",
}
# Kickers run to two words ("Analysis:", "Film review:"); a headline beside a name runs longer.
_MIN_HEADLINE_WORDS = 3
_ARTICLES = {"the", "der", "die", "das", "el", "la", "le", "il", "lo", "o", "a", "de", "het"}
# Words of share bars and reaction buttons, which dumps glue into brand-shaped tokens.
_BUTTON_WORDS = {"like", "liked", "likes", "share", "shared", "tweet", "pin", "follow", "following", "reply",
                 "comment", "comments", "print", "email", "mail", "save", "saved", "subscribe", "login", "logout"}
_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|er|e|ème|º|ª|\.)", re.I)
_TOKEN = re.compile(r"[\w.+-]+")
# Outlet names are short; a longer part of a headline is headline.
_MAX_NAME_WORDS = 6
# A name must be repeated this often in the page's furniture (the title's site part counts once).
MIN_MENTIONS = 2
# Brand-shaped tokens found only by scanning chrome need one more mention: they have no position evidence.
MIN_TOKEN_MENTIONS = 3


def self_name(title_site: str | None, chrome_lines: list[str], body: str,
              weak_site: str | None = None, colon_parts: tuple[str, ...] = ()) -> str | None:
    """Return the outlet name the page repeats about itself, or None when it does not say.

    weak_site (a part of the headline line that may be a kicker) counts only when a notice names it;
    colon_parts (the ends of a headline's "A: B") count when a proper name that the furniture repeats, or when
    shaped like a newspaper's masthead."""
    texts = [line for line in chrome_lines if len(line) < 300]
    notices = _notices(texts) if weak_site and _acceptable(weak_site) else None
    if notices and weak_site.lower() in {h.lower() for h in notices}:
        return weak_site
    if title_site and _acceptable(title_site) and _name_shaped(title_site):
        return title_site  # "Headline | Clearwater Reporter": the title names the site outright
    notices = _notices(texts) if notices is None else notices
    holders = list(notices)
    for n, part in enumerate(colon_parts):
        if len(part.split()) <= _MAX_NAME_WORDS and _acceptable(part) and \
                (_vouched(part, texts, holders) or masthead(part, colon_parts[1 - n], suffix=n == 1)):
            return part  # "Headline: The Lakeside Mirror" and "© 2005 The Lakeside Mirror" below
    for name in ([title_site] if title_site else []) + [h for h in holders if h != title_site]:
        if _acceptable(name) and (_mentions(name, texts) + (title_site == name) >= MIN_MENTIONS
                                  or (_owner(name, notices) and _name_shaped(name))):
            return name
    counts = Counter(tok for line in texts for tok in set(_TOKEN.findall(line)) if _BRAND.match(tok))
    lowered = body.lower()
    for token, n in counts.most_common(3):
        if n >= MIN_TOKEN_MENTIONS and _acceptable(token) and token.lower() not in lowered and \
                not _page_token(token):
            return token
    return None


def masthead(name: str, headline: str, suffix: bool) -> bool:
    """True for a newspaper-shaped name beside a headline: capitalised words ending in a masthead noun
    ('Harbour Gazette'); before the headline it also opens with an article ('The Vale Courier: ...'), as
    kickers do not. Beside a kicker of a word or two the name is the headline ('Film review: Rising Star')."""
    words = name.split()
    if not 2 <= len(words) <= _MAX_NAME_WORDS or len(headline.split()) < _MIN_HEADLINE_WORDS or \
            not _name_shaped(name):
        return False
    return words[-1].lower() in _MASTHEAD_NOUNS and (suffix or words[0].lower() in _ARTICLES)


def _vouched(name: str, texts: list[str], holders: list[str]) -> bool:
    # A notice holds the name, or a "More from <name>" list names its source.
    if name.lower() in {h.lower() for h in holders}:
        return True
    pattern = re.compile(rf"^(?:more from|mehr von|más de|plus de)\s+{re.escape(name)}\b", re.I)
    return any(pattern.match(line) for line in texts)


def _owner(name: str, notices: dict[str, str]) -> bool:
    # A dated copyright notice ("Copyright 2005 Harbour Gazette. All rights reserved.", "© 2011 Marlow Times")
    # is the page's own statement of who publishes it; "designed by" and undated credits are not.
    return name in notices and _DATED_NOTICE.search(notices[name]) is not None


def _notices(texts: list[str]) -> dict[str, str]:
    """Names that notices in the page's furniture give as holder or maker, with the notice naming each first."""
    found: dict[str, str] = {}
    for line in texts:
        low = line.lower()
        match = _HOLDER.search(line) if any(k in low for k in _HOLDER_KEYS) else None
        if match:
            name = _HOLDER_STOP.sub("", match.group("name")).strip(" .,-–|/")
            if name and name not in found:
                found[name] = line
    return found


def _page_token(token: str) -> bool:
    # Brand-shaped but the page's own wording: button labels saved without a space ("LikeLiked", "ShareTweet")
    # and ordinals ("20th", "3rd").
    parts = _CAMEL_PART.findall(token)
    glued = len(parts) >= 2 and "".join(parts) == token and all(p.lower() in _BUTTON_WORDS for p in parts)
    return glued or _ORDINAL.fullmatch(token) is not None


def _name_shaped(name: str) -> bool:
    # A proper name of two words or more, every word capitalised ("North Shore Gazette", "The Valley Herald"),
    # or a brand token (Radio21, PADDLE.DE); one plain capitalised word may be a German noun or a kicker.
    words = name.split()
    if len(words) == 1:
        return bool(_BRAND.match(name))
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_PARTICLES for w in words)


def _acceptable(name: str) -> bool:
    low = name.lower()
    return (2 <= len(name) <= 60 and low not in _PLATFORMS and not dateline.agencies_named(name)
            and not name.startswith(("#", "@"))  # hashtags and handles name topics and people
            and not low.startswith(("the associated", "agence", "all rights")))


def _mentions(name: str, texts: list[str]) -> int:
    pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])", re.I)
    return sum(1 for line in texts if pattern.search(line))
