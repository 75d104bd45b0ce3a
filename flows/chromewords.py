"""The phrases of site furniture by kind: navigation labels, widgets and prompts, comment sections and the
lists that follow a story, in the languages of the dev sets (matched by flows/chrome.py)."""

from __future__ import annotations

import re

from flows import firstchar


def _phrases(*words: str) -> firstchar.Dispatch:
    return firstchar.Dispatch(list(words), "^", "$")


# Whole-line navigation, button and widget labels (after lower-casing and removing decoration).
NAV_LINE = _phrases(
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
WIDGET_LINE = firstchar.Dispatch(firstchar.alternatives(
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
WIDGET_ANYWHERE = re.compile(
    r"\b(?:advertising|affiliate) (?:disclosure|disclaimer|links?)\b|\benter your e ?mail\b"
    r"|\bthis (?:post|article|page) contains (?:references|affiliate|links)\b"
    r"|\b(?:sign up|subscribe) (?:for|to) (?:our|the) newsletter|\bnewsletter (?:hier )?(?:abonnieren|bestellen)\b"
    r"|\bdelivered (?:straight |directly )?to (?:your|their) inbox"
    # Disclaimers, consent texts under sign-up forms, licence notices and "filed under" post footers.
    r"|^(?:disclaimer|haftungsausschluss)\b|\b(?:mit (?:dem )?absenden|by (?:submitting|subscribing|signing up))\b"
    r".{0,80}\b(?:willige|stimme|agree|consent)|\bunter (?:der|einer) (?:[\w-]+ )?lizenz cc\b"
    r"|\blicensed under (?:a |the )?(?:creative commons|cc)\b|\b(?:filed|abgelegt) unter\b|\bfiled under\b")
WIDGET_KEYS = ("advertising", "affiliate", "mail", "newsletter", "contains", "inbox", "disclaimer",
                "haftungsausschluss", "absenden", "by submitting", "by subscribing", "by signing up", "lizenz cc",
                "licensed under", "filed under", "abgelegt unter")


# Comment sections: after these the page holds readers' text, not the story.
COMMENT_LINE = re.compile(
    r"^(?:\d+ )?(?:comments?|kommentare?|comentarios?|commentaires?|reacties|leserkommentare|lesermeinungen)$"
    r"|^(?:no|keine|sin|aucun) (?:comments?|kommentare|comentarios|commentaires?)\b|^comments are closed"
    r"|^(?:post|leave|add|write) (?:a |your )?(?:comment|reply)\b|^(?:schreibe|hinterlasse|verfasse) einen kommentar"
    r"|^kommentar (?:schreiben|verfassen|hinterlassen)|^(?:deja|dejar|escribe) (?:un|tu) comentario"
    r"|^kommentieren sie (?:den|diesen) (?:artikel|beitrag)|^(?:bitte )?geben sie (?:hier )?ihren kommentar ein"
    r"|^(?:laisser|laissez|écrire) un commentaire|^(?:join|start) the (?:conversation|discussion)"
    r"|^vos réactions(?: \d+)?$|^réagissez\b"
    r"|^kommentare (?:und pings )?sind (?:derzeit |momentan )?(?:nicht erlaubt|geschlossen|deaktiviert)")

# Lists that follow a story: "related", tag lists, "you may also like", "read more on".
END_LINE = re.compile(
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
