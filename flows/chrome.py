"""Chrome lines: the site furniture a naive scraper saves around a story, told apart line by line.

Every rule here is general page vocabulary (what navigation, widgets, captions, comment forms and footers
say on news sites in the languages of the dev sets), never a string of one site. A line is judged on its own;
where a story starts and ends is decided from these judgements by flows/story.py.
"""

from __future__ import annotations

import re

from flows import firstchar

# Kinds a line can have; the story finder weighs them.
NAV, WIDGET, CAPTION, URL, CREDIT, COPYRIGHT, BYLINE, END, COMMENT = (
    "nav", "widget", "caption", "url", "credit", "copyright", "byline", "end", "comment")

_WORD = re.compile(r"\w+")
_WIDE = re.compile(r"[\u3040-\u9fff\uac00-\ud7af]")
# ASCII word characters (\w) as "a", every other byte a space: a word is then a " a" or the opening "a".
_ASCII_WORDS = bytes(97 if chr(c).isalnum() or c == ord("_") else 32 for c in range(128)) + b" " * 128
# Longest navigation phrase, longest comment/related marker, longest widget sentence, in words.
_NAV_WORDS, _MARKER_WORDS, _PHRASE_WORDS = 8, 12, 25
# Characters of a longer line normalised for the widget phrases that open a line (the longest is ~50).
_PHRASE_PREFIX = 120
# Characters that decorate menu items and buttons: bullets, arrows, separators, icons.
_DECOR_CHARS = "|·•»«›‹>→←↓↑▶►◄▼▲✓✔✕×*#+-–—_:;,.!?()[]{}\"'“”„‘’/\\…"
_DECOR_TABLE = str.maketrans(dict.fromkeys(_DECOR_CHARS, " "))


def _phrases(*words: str) -> firstchar.Dispatch:
    return firstchar.Dispatch(list(words), "^", "$")


# Whole-line navigation, button and widget labels (after lower-casing and removing decoration).
_NAV_LINE = _phrases(
    r"(skip|jump) to (main )?(content|navigation|search|footer)( accesskey \d)?", r"zum (haupt)?inhalt( springen)?",
    r"(direkt )?zu(m|r) (haupt)?(inhalt|navigation|suche|footer|fußzeile|menü)( springen)?",
    r"saltar (al|a) contenido", r"aller au contenu( principal)?", r"toggle (navigation|menu)",
    r"(navigation|menü) (umschalten|öffnen|schließen)", r"(main )?(menu|menü|navigation|navigationsmenü)",
    r"springe? zu(m|r) (haupt)?(inhalt|navigation|suche|fußzeile|footer|menü)",
    r"(primäres|sekundäres|haupt) ?menü", r"(primary|secondary) (menu|navigation)",
    r"je m abonne( au \w+)?", r"abonnez vous( au \w+)?", r"s abonner", r"suscr[ií]b[ae]se", r"assine( já)?",
    r"s[ií]guenos( en \w+)?", r"siga nos( no \w+)?", r"suivez nous( sur \w+)?", r"folge?n? (sie )?uns( auf \w+)?",
    r"follow us( on \w+)?", r"últimas( noticias| notícias)?", r"latest( news)?", r"neueste(s| artikel| beiträge)?",
    r"breaking( news)?", r"top (stories|news)", r"today s paper", r"e ?paper", r"print edition",
    r"(zum vergrößern( bitte)?( an)?klicken|klicken zum vergrößern|click to enlarge|enlarge image|bild vergrößern)",
    r"(about|über) (the |this |das |den |die |dieses |diese )?(blog|site|author|autor|autorin|magazin|zeitschrift"
    r"|redaktion|projekt|verein)",
    r"(search|suche|suchen|buscar|rechercher?)( \w+){0,3}", r"close( this search box)?", r"schließen",
    r"cerrar", r"fermer", r"home( page)?", r"start(seite)?", r"inicio", r"accueil", r"back( to top)?", r"backtotop",
    r"nach oben", r"zurück", r"weiter", r"next", r"previous", r"vorherige?r?( beitrag| artikel)?",
    r"nächste?r?( beitrag| artikel)?", r"(log|sign) ?(in|up|out)", r"(an|ab)melden", r"einloggen", r"registrieren",
    r"register", r"my account", r"mein konto", r"subscribe( now)?", r"abonnieren", r"jetzt abonnieren",
    r"(\w+ )?newsletters?( abonnieren)?", r"donate( now)?", r"ingresar", r"entrar", r"iniciar sesión", r"registrarse",
    r"suscr[ií]bete", r"se connecter", r"s inscrire", r"newsticker", r"login", r"jetzt registrieren", r"spenden",
    r"impressum", r"datenschutz(erklärung)?", r"kontakt",
    r"contact( us)?", r"about( us)?", r"über uns", r"privacy( policy)?", r"terms( of (use|service))?", r"agb",
    r"cookie(s| settings| einstellungen|einstellungen)", r"(ich )?akzeptiere(n)?", r"accept( all)?",
    r"alle akzeptieren",
    r"(advertisement|advertising|anzeige|werbung|publicidad|publicité|sponsored|ad)",
    r"share( this( article| story| post)?)?", r"(teilen|drucken|print|e ?mail|email|tweet|pin it|pocket)",
    r"(envoyer|partager|imprimer|compartir|imprimir|enviar)( par| por)?( e ?mail| mail| courriel| correo)?",
    r"(facebook|twitter|whatsapp|instagram|linkedin|pinterest|telegram|youtube|tiktok|xing|reddit|tumblr|rss)",
    r"(read|show|load) more", r"weiterlesen", r"mehr infos?", r"more info", r"mehr (lesen|anzeigen|laden)",
    r"leer más", r"lire la suite",
    r"(more|mehr|weitere) (stories|articles|artikel|beiträge|news|nachrichten)( laden)?", r"video", r"audio",
    r"(foto|bild|photo)( \d+ (von|of) \d+)?", r"gallery", r"galerie", r"menu schließen", r"sitemap",
    r"(topics|themen|tags|categories|kategorien|archives?|archiv)", r"like", r"reply", r"antworten", r"responder",
    r"répondre", r"loading", r"\d+")

# Whole-line widget and prompt texts: comment forms, sign-in, profile and location settings, share bars.
_WIDGET_LINE = firstchar.Dispatch(firstchar.alternatives(
    r"(?:name|e ?mail|website|comment|kommentar|nachricht)( \w+)?$"
    r"|(?:click|tap) (?:here )?to (?:share|print|email)\b|share on \w+|(?:auf|on) (?:facebook|twitter)"
    r"|sieh dir diesen beitrag auf \w+ an|ein beitrag geteilt von\b|view this post on \w+|a post shared by\b"
    r"|your email address will not be published|deine e ?mail adresse wird nicht veröffentlicht"
    r"|ihre e ?mail adresse wird nicht veröffentlicht|erforderliche felder|required fields are marked"
    r"|notify me of|benachrichtige mich|save my name|(?:create|creating|edit) (?:a |your )?profile|location settings"
    r"|please provide a username|this username must be unique|(?:facebook|google) sign ?in"
    r"|log ?in with \w+|sign ?in with \w+|(?:subscribe|sign up) (?:to|for) (?:our )?(?:newsletters?|updates)"
    r"|there are new stories|click here to see|(?:tipp )?du kannst mit der tastatur|news per push"
    r"|looks like you re using a browser|upgrade your browser|javascript (?:is )?(?:disabled|required)"
    r"|powered by\b|designed by\b|theme (?:images )?by\b|proudly powered|built with\b|website by\b"
    r"|(?:diesen |this )?(?:artikel|article|beitrag|story|post) (?:teilen|share)|follow us\b|folgen sie uns"
    r"|(?:previous|next|vorheriger|nächster|voriger) (?:article|post|story|artikel|beitrag)"
    r"|(?:artículo|nota) (?:anterior|siguiente)|article (?:précédent|suivant)"
    # Account prompts, share and print buttons, audio-player labels, reader polls and the comment form's questions.
    r"|already (?:have|a) (?:an? )?(?:account|subscriber|subscription|member)"
    r"|(?:si )?ya (?:tenés|tienes|tiene) una cuenta|registr(?:[aá]te|ese)\b|suscr[ií]b(?:ite|ete|ase)\b"
    r"|jetzt (?:\w+ ){0,3}(?:mitmachen|unterschreiben|spenden|teilnehmen|bestellen|kaufen|herunterladen|sichern)\b"
    r"|(?:sie sind )?bereits (?:kunde|registriert|abonnent)|teilen sie diesen (?:artikel|beitrag)"
    r"|(?:bilder|fotos) für den druck|(?:dieser |der )?(?:artikel|beitrag) gef(?:ällt|allen)"
    r"|we want to hear (?:from you|what you think)|qui êtes vous$|pour créer des paragraphes"
    r"|(?:le|te) puede interesar\b|mir[aá] también$|lea también\b|lesen sie auch\b|read also\b"
    r"|listen to (?:this )?(?:article|story)$|(?:artikel|beitrag) (?:vor)?(?:an)?hören$"
    r"|escuchar (?:este )?(?:artículo|nota|noticia)$|écouter (?:cet )?article$"), "^")
# Affiliate disclosures and newsletter prompts, anywhere in a line (searched only when a keyword is present).
_WIDGET_ANYWHERE = re.compile(
    r"\b(?:advertising|affiliate) (?:disclosure|disclaimer|links?)\b|\benter your e ?mail\b"
    r"|\bthis (?:post|article|page) contains (?:references|affiliate|links)\b"
    r"|\b(?:sign up|subscribe) (?:for|to) (?:our|the) newsletter|\bnewsletter (?:hier )?(?:abonnieren|bestellen)\b"
    r"|\bdelivered (?:straight |directly )?to (?:your|their) inbox"
    # Disclaimers, consent texts under sign-up forms, licence notices and "filed under" post footers.
    r"|^(?:disclaimer|haftungsausschluss)\b|\b(?:mit (?:dem )?absenden|by (?:submitting|subscribing|signing up))\b"
    r".{0,80}\b(?:willige|stimme|agree|consent)|\bunter (?:der|einer) (?:[\w-]+ )?lizenz cc\b"
    r"|\blicensed under (?:a |the )?(?:creative commons|cc)\b|\b(?:filed|abgelegt) unter\b|\bfiled under\b")
_WIDGET_KEYS = ("advertising", "affiliate", "mail", "newsletter", "contains", "inbox", "disclaimer",
                "haftungsausschluss", "absenden", "by submitting", "by subscribing", "by signing up", "lizenz cc",
                "licensed under", "filed under", "abgelegt unter")

# A link line: a bare URL, as scrapers save link shorteners and "source" links.
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)

# Comment sections: after these the page holds readers' text, not the story.
_COMMENT_LINE = re.compile(
    r"^(?:\d+ )?(?:comments?|kommentare?|comentarios?|commentaires?|reacties|leserkommentare|lesermeinungen)$"
    r"|^(?:no|keine|sin|aucun) (?:comments?|kommentare|comentarios|commentaires?)\b"
    r"|^(?:post|leave|add|write) (?:a |your )?(?:comment|reply)\b|^(?:schreibe|hinterlasse|verfasse) einen kommentar"
    r"|^kommentar (?:schreiben|verfassen|hinterlassen)|^(?:deja|dejar|escribe) (?:un|tu) comentario"
    r"|^kommentieren sie (?:den|diesen) (?:artikel|beitrag)|^(?:bitte )?geben sie (?:hier )?ihren kommentar ein"
    r"|^(?:laisser|laissez|écrire) un commentaire|^comments are closed"
    r"|^(?:join|start) the (?:conversation|discussion)|^vos réactions(?: \d+)?$|^réagissez\b"
    r"|^kommentare (?:und pings )?sind (?:derzeit |momentan )?(?:nicht erlaubt|geschlossen|deaktiviert)")

# Lists that follow a story: "related", tag lists, "you may also like", "read more on".
_END_LINE = re.compile(
    r"^(?:you|we think you) (?:may|might) (?:also )?like"
    r"|^(?:related|similar) (?:articles?|posts?|stories|news|content)?$"
    r"|^(?:more|latest) (?:from|stories|news|articles|on)\b|^trending(?: now)?$|^most (?:read|popular|viewed)$"
    r"|^(?:read|see) (?:more|also) (?:on|about)\b"
    r"|^(?:mehr|weitere)(?: artikel| beiträge| nachrichten)? (?:zum thema|über|von|aus)\b"
    r"|^(?:das|dies) könnte (?:dich|sie|ihnen|dir) (?:auch )?(?:interessieren|gefallen)"
    r"|^(?:auch interessant|ähnliche (?:artikel|beiträge|themen)|meistgelesen|lesen sie auch|lies auch)$"
    r"|^(?:te puede interesar|lee también|leer también|noticias relacionadas|más noticias|vous aimerez aussi)$"
    r"|^(?:à lire aussi|sur le même sujet|articles? similaires?|related topics|tags|schlagworte|schlagwörter)$"
    r"|^weitere informationen zum thema|^(?:veja|leia|ver|lea) também|^(?:ver|lee|lea) también"
    r"|^zum weiterlesen|^verwandte (?:artikel|beiträge)$"
    r"|^noch mehr infos?\b|^(?:dir|ihnen) hat (?:der|dieser) (?:artikel|beitrag) gefallen"
    r"|^(?:otras|más|últimas) noticias$|^(?:outras|mais) notícias$|^autres articles$")

# "In this Friday, Sept. 15, 2017 file photo, ..." and similar photo captions and credits.
# Captions start with a photo label ("Foto: …", "In this … file photo, …"), end with a credit
# ("… Foto: Jane Doe", "… / AFP") or name a picture agency.
_CAPTION_START = re.compile(
    r"in this (?:\w+[ ,.]+){0,6}(?:file )?(?:photo|image|picture|handout)\b|(?:photograph|photo|picture)s? by\b"
    r"|(?:file |archive )?(?:photo|fotos?|bild|image|imagen|picture|illustration|grafik|quelle|source|credit"
    r"|(?:image |photo |picture )?caption|bildunterschrift"
    r"|kuva|abbildung|titelbild|crédito|crédit|légende|fotografía|beeld)\s?\d*\s?(?:credit)?\s?:(?:\s?\S|$)",
    re.I)
_CAPTION_END = re.compile(
    r"(?:\(|\b)(?:photo|foto|bild|image|imagen|picture|kuva|crédito|credit|bildquelle|fotoquelle|bildnachweis)s?"
    r"\s?:\s?[^.!?]{2,60}\)?\s*$"
    r"|[/|]\s?(?:afp|ap|reuters|dpa|efe|epa|ansa|getty|picture alliance|imago|keystone)\s*$", re.I)
_CAPTION_OPENERS = ("in this", "photogr", "photo b", "photos ", "picture")
_PICTURE_AGENCIES = re.compile(r"getty images|ap photo|afp photo|reuters/|/afp|/reuters|/ap |/dpa|dpa-bildfunk"
                               r"|imago images|shutterstock")
# Substrings every picture-agency name above contains (a caption's closing credit needs ":", "/" or "|"):
# plain substring tests rule most lines out far faster than the patterns' scans.
_PICTURE_KEYS = ("/", "getty", "photo", "imago", "shutterstock", "dpa-")
# Copyright and all-rights notices, in the dev sets' languages (looked for only when a marker is present).
_NOTICE_PHRASES = ("©", "copyright", "rights reserved", "rechte vorbehalten", "derechos reservados",
                   "droits réservés", "not reproduce", "may not be published", "may not be republished")
_NOTICE_MARK = re.compile(r"\d{4}|rights|rechte|derechos|droits|copyright|reserved", re.I)
# A byline: "By Jane Doe", "Von Max Muster", "by Staff Writers", a lone "By" over the name; a credit label
# ("Interview: Lena Vogt", "Text: Max Muster") or a desk credit ("Redaktion Hafenblatt.de", "Redacción Sur").
_BYLINE = re.compile(r"^((?:by|von|por|par|di|door|av|af|redaktion|redacción|redação|rédaction|redazione)\s+"
                     r"|(?:interview|text|texte|texto|autor|autorin|author|words|redaktion)\s?:\s?)"
                     r"(?:\w[\w.'’-]*+\s?){1,6}(?:[|·•,–—-]\s?[^|·•]{0,40}\d[^|·•]{0,40})?$"
                     r"|^(?:by|von|por|par|door|av|af|autor|autorin|author)$"
                     r"|^(?:staff|our|special) (?:reporter|writer|correspondent)s?$"
                     r"|^(?:from |compiled from )?(?:staff and )?wire (?:reports|services)$", re.I)
# Menu separators: a line of three or more short items joined by these is a menu.
_MENU_CHARS = re.compile(r"[|·•/»>\t]")
_SPACED_MARK = re.compile(r"\s(?:\s|[–—-]\s)")
_STRONG_MENU_MARK = re.compile(r"[|·•/»>\t]|\s{2,}")
_MENU_SPLIT = re.compile(r"\s+[|·•/»>–—-]\s+|\t+|\s{2,}|\s?·\s?")
# The same separators where single spaces are the only whitespace (printable text, no double space, as every
# line of a cleaned dump): each branch opens with a literal, which lets the pattern skip to the next space.
_MENU_SPLIT_SPACED = re.compile(r" [|·•/»>–—-] |· ?| · ?")


def words(line: str) -> int:
    """Word count that also weighs unspaced scripts (CJK): two characters count as one word."""
    if line.isascii():  # the same count as the \w+ tokens, by a byte table and two scans: no token objects
        marks = line.encode("ascii").translate(_ASCII_WORDS)
        return marks.count(b" a") + (marks[:1] == b"a")
    return len(_WORD.findall(line)) + len(_WIDE.findall(line)) // 2


def normalise(line: str) -> str:
    """Lower-cased line with decoration removed, for whole-line vocabulary matching."""
    return _undecorated(line.lower())


def _undecorated(low: str) -> str:
    # Decoration and runs of whitespace become single spaces (a table and a split: faster than a pattern).
    return " ".join(low.translate(_DECOR_TABLE).split())


def kind(line: str, n_words: int) -> str | None:
    """Return the chrome kind of one stripped line, or None when it may be story text."""
    if n_words > 40:
        # A paragraph: only its start can open a disclosure or a notice (ASCII lowers letter for letter).
        low = line[:160].lower() if line.isascii() else line.lower()[:160]
        if _WIDGET_ANYWHERE.match(low[:120]):
            return WIDGET  # an affiliate disclosure opening a long paragraph
        return COPYRIGHT if _notice(low) and _is_notice(line) else None
    low = line.lower()
    notice = _notice(low)
    # Vocabulary phrases are short: a long line is only matched against the phrases that can be that long,
    # and past the whole-line markers only phrases opening a line remain, so only its start is normalised.
    if n_words <= _MARKER_WORDS:
        norm = _undecorated(low)
    else:
        norm = low if n_words > _PHRASE_WORDS else _undecorated(low[:_PHRASE_PREFIX]) or low
    if not norm or (n_words <= _NAV_WORDS and _NAV_LINE.match(norm)):
        return NAV
    if n_words <= _MARKER_WORDS and _COMMENT_LINE.match(norm):
        return COMMENT
    if n_words <= _MARKER_WORDS and _END_LINE.match(norm):
        return END
    if ("http" in low or "www." in low) and _URL_LINE.match(line):
        return URL
    if (n_words <= _PHRASE_WORDS and (_WIDGET_LINE.match(norm) or low.startswith("mehr:"))) or (
            _holds_any(low, _WIDGET_KEYS) and _WIDGET_ANYWHERE.search(low)):
        return WIDGET
    if notice and _is_notice(line):
        # "© Jane Doe" under a picture credits the photographer; a notice has a year or reserves rights.
        return COPYRIGHT if _NOTICE_MARK.search(line) or n_words > 6 else CAPTION
    if _is_caption(line, low):
        return CAPTION
    if n_words <= 8 and _BYLINE.match(line.strip(" .")):
        return BYLINE
    if n_words >= 3 and _menu_mark(line) and _is_menu(line):
        return NAV
    if n_words <= 2 and line.endswith(":"):
        return NAV  # a label ("Tags:", "Quellenangaben:") heading a list, not a sentence
    return None


def is_byline(line: str) -> bool:
    """True for a short author line ('By Jane Doe', 'von Max Muster', 'Interview: Lena Vogt')."""
    text = line.strip(" .")
    match = _BYLINE.match(text)
    if match is None or match.group(1) is None:
        return match is not None  # "Staff reporter"
    return text[match.end(1):match.end(1) + 1].isupper()  # a name, not "by the river"


def _notice(low: str) -> bool:
    return _holds_any(low, _NOTICE_PHRASES)


def _holds_any(text: str, keys: tuple[str, ...]) -> bool:
    # A plain loop: cheaper than any() over a generator for the few keys tested on every line.
    for key in keys:
        if key in text:
            return True
    return False


def _menu_mark(line: str) -> bool:
    # Menu separators: a bullet, bar, slash or arrow, a tab, a run of spaces or a dash between spaces.
    if _MENU_CHARS.search(line):
        return True
    if line.isascii() and "-" not in line and "  " not in line and line.isprintable():
        return False  # printable ASCII has only spaces for whitespace: no dash, no double space, no match
    return _SPACED_MARK.search(line) is not None


def _is_caption(line: str, low: str) -> bool:
    start = line.lstrip(" .,;:-–—|")
    # Every opening form is "in this ... photo", "photo(s)/picture(s) by" or a label before a colon.
    if (":" in start or start[:7].lower() in _CAPTION_OPENERS) and _CAPTION_START.match(start):
        return True
    tail = line[-90:]
    if (":" in tail or "/" in tail or "|" in tail) and _CAPTION_END.search(tail):
        return True
    return _holds_any(low, _PICTURE_KEYS) and _PICTURE_AGENCIES.search(low) is not None


def _is_notice(line: str) -> bool:
    # A copyright sign inside a sentence of the story ("the © symbol") is rare; a notice is short or
    # starts with the sign or the word.
    head = line.lstrip("* ").lower()
    return len(line) < 200 or head.startswith(("©", "copyright", "(c)"))


def _is_menu(line: str) -> bool:
    # Three or more short items joined by menu separators: all of at most three words, or, in a long
    # menu, three words on average ("Elecciones · Reforma agraria · Día del maestro · ..."); or two
    # navigation buttons.
    single = "  " not in line and line.isprintable()
    parts = [item for item in (_MENU_SPLIT_SPACED if single else _MENU_SPLIT).split(line) if item.strip()]
    if len(parts) == 2:  # "Subscribe | Log in": two buttons
        return all(part.count(" ") <= 3 and _NAV_LINE.match(normalise(part)) for part in parts)
    items = [len(_WORD.findall(item)) for item in parts]
    if len(items) < 3 or (len(items) == 3 and not _STRONG_MENU_MARK.search(line)):
        return False  # "Projekt 42 – KWS – die Dritte": two dashes make a headline, not a menu
    return max(items) <= 3 or (len(items) >= 5 and sum(items) <= 3 * len(items))
