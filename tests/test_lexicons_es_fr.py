"""The Spanish and French lexicons (locpipe/lexicons/{es,fr}/*.jsonl): every file loads and compiles,
and short dialogue lines get exactly the flags we expect through locpipe.detect.detect."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("spacy")

from test_detect_support import flags_of, make_transcript  # noqa: E402

from locpipe.detect import detect, get_nlp  # noqa: E402
from locpipe.detect.lexicon import FILES, PACKAGE_LEXICONS, load_lexicon  # noqa: E402

#: minimum entries per file and language (the starter lexicons' promise)
MINIMUM = {"idioms": 330, "culture": 330, "puns": 60, "humor": 40, "dialect": 120}
LANGS = ("es", "fr")


def run(lang: str, lines: list[str], kinds: str) -> list[tuple[str, str, str, str]]:
    return flags_of(detect(make_transcript(lines, lang=lang), kinds=kinds))


def one(lang: str, line: str, kinds: str) -> list[tuple[str, str, str]]:
    """(label, text, rule_id) of the flags on a single line."""
    return [(label, text, rule) for _seg, label, text, rule in run(lang, [line], kinds)]


@pytest.mark.parametrize("lang", LANGS)
def test_files_load_with_minimum_sizes_and_compile(lang: str) -> None:
    lexicon = load_lexicon(lang)
    for stem, minimum in MINIMUM.items():
        if (PACKAGE_LEXICONS / lang / f"{stem}.jsonl").exists():
            assert len(lexicon.entries(stem)) >= minimum, stem
    nlp = get_nlp(lang)  # builds every matcher: a pattern that does not compile raises LexiconError
    pipes = {"idioms": "locpipe_idioms", "culture": "locpipe_culture", "puns": "locpipe_puns",
             "humor": "locpipe_humor", "dialect": "locpipe_dialect"}
    assert [pipes[s] for s in FILES if lexicon.entries(s)] == [p for p in nlp.pipe_names if p in pipes.values()]
    for entry in lexicon.by_id.values():
        stem = entry["_file"]
        prefix = {"idioms": "idiom", "puns": "pun"}.get(stem, stem)
        assert entry["id"].startswith(f"{lang}.{prefix}."), entry["id"]
        assert len(entry["gloss"]) <= 120, entry["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_two_entries_share_a_pattern(lang: str) -> None:
    for path in sorted((PACKAGE_LEXICONS / lang).glob("*.jsonl")):
        seen: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            key = json.dumps(entry["pattern"], ensure_ascii=False).lower()
            assert key not in seen, f"{entry['id']} repeats the pattern of {seen.get(key)}"
            seen[key] = entry["id"]


# -- Spanish idioms ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Me estás tomando el pelo.", [("idiom", "tomando el pelo", "es.idiom.tomar-el-pelo-a-someone")]),
        ("Le tomaron el pelo a Juan.", [("idiom", "tomaron el pelo a Juan", "es.idiom.tomar-el-pelo-a-someone")]),
        ("¡Ponte las pilas, tío!", [("idiom", "Ponte las pilas", "es.idiom.poner-las-pilas")]),
        ("Tienes que ponerte las pilas ya.", [("idiom", "ponerte las pilas", "es.idiom.poner-las-pilas")]),
        ("Otra vez metiste la pata.", [("idiom", "metiste la pata", "es.idiom.meter-la-pata")]),
        ("Ha metido la gran pata.", [("idiom", "metido la gran pata", "es.idiom.meter-la-pata")]),
        ("Ese coche cuesta un ojo de la cara.",
         [("idiom", "cuesta un ojo de la cara", "es.idiom.costar-un-ojo-de-la-cara")]),
        ("Es pan comido.", [("idiom", "Es pan comido", "es.idiom.ser-pan-comido")]),
        ("No tiene pelos en la lengua.",
         [("idiom", "No tiene pelos en la lengua", "es.idiom.no-tener-pelos-en-la-lengua")]),
        ("Estoy hasta las narices de ti.", [("idiom", "Estoy hasta las narices", "es.idiom.estar-hasta-las-narices")]),
        ("Siempre está en las nubes.", [("idiom", "está en las nubes", "es.idiom.estar-en-las-nubes")]),
        ("Ayer me dejó plantado.", [("idiom", "dejó plantado", "es.idiom.dejar-plantado-a-someone")]),
        ("Se me fue la olla.", [("idiom", "fue la olla", "es.idiom.ir-la-olla")]),
        ("Ella se fue de la lengua.", [("idiom", "fue de la lengua", "es.idiom.ir-de-la-lengua")]),
        ("Ni de coña voy a ir.", [("expression", "Ni de coña", "es.idiom.ni-de-cona")]),
        ("Vamos al grano.", [("idiom", "Vamos al grano", "es.idiom.ir-al-grano")]),
        ("Nos pusimos las botas.", [("idiom", "pusimos las botas", "es.idiom.poner-las-botas")]),
        ("Más vale tarde que nunca.", [("saying", "Más vale tarde que nunca", "es.idiom.mas-vale-tarde-que-nunca")]),
        ("Tu piel es como la seda.", []),
        ("Las casas son caras.", []),
    ],
)
def test_spanish_idioms(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert one("es", line, "idiom") == expected


def test_spanish_idiom_literal_context_lowers_confidence() -> None:
    flags = detect(make_transcript(["Tiró la toalla al suelo del baño."], lang="es"), kinds="idiom").flags
    assert [(f.rule_id, f.confidence) for f in flags] == [("es.idiom.tirar-la-toalla", 0.3)]
    assert flags[0].suggestion.startswith("probably literal here")
    flags = detect(make_transcript(["Al final tiró la toalla."], lang="es"), kinds="idiom").flags
    assert [(f.rule_id, f.confidence) for f in flags] == [("es.idiom.tirar-la-toalla", 0.9)]


# -- French idioms ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Il m'a posé un lapin.", [("idiom", "posé un lapin", "fr.idiom.poser-un-lapin-a-someone")]),
        ("J'ai le cafard ce soir.", [("idiom", "ai le cafard", "fr.idiom.avoir-le-cafard")]),
        ("T'as la flemme ?", [("idiom", "as la flemme", "fr.idiom.avoir-la-flemme")]),
        ("Ça coûte les yeux de la tête.", [("idiom", "coûte les yeux de la tête", "fr.idiom.couter-les-yeux-de-la-tete")]),
        ("Elle est tombée dans les pommes.", [("idiom", "tombée dans les pommes", "fr.idiom.tomber-dans-les-pommes")]),
        ("Arrête de raconter des salades.", [("idiom", "raconter des salades", "fr.idiom.raconter-des-salades")]),
        ("C'est du gâteau.", [("idiom", "C'est du gâteau", "fr.idiom.c-est-du-gateau")]),
        ("C’est du gâteau.", [("idiom", "C’est du gâteau", "fr.idiom.c-est-du-gateau")]),
        ("Je suis pas dans mon assiette.", [("idiom", "suis pas dans mon assiette", "fr.idiom.etre-dans-son-assiette")]),
        ("Il n'a pas froid aux yeux.", [("idiom", "a pas froid aux yeux", "fr.idiom.avoir-froid-aux-yeux")]),
        ("J'en ai marre de toi.", [("idiom", "en ai marre", "fr.idiom.en-avoir-marre")]),
        ("Tu me casses les pieds.", [("idiom", "casses les pieds", "fr.idiom.casser-les-pieds-a-someone")]),
        ("Il s'est fait avoir.", [("idiom", "fait avoir", "fr.idiom.se-faire-avoir")]),
        ("Je me suis planté.", [("idiom", "me suis planté", "fr.idiom.se-planter")]),
        ("Ils se sont barrés.", [("idiom", "se sont barrés", "fr.idiom.se-barrer")]),
        ("Il s'en fout.", [("idiom", "en fout", "fr.idiom.s-en-foutre")]),
        ("Il se fout de ta gueule.", [("idiom", "fout de ta gueule", "fr.idiom.se-foutre-de-ones-gueule")]),
        ("Il pleut des cordes.", [("idiom", "Il pleut des cordes", "fr.idiom.il-pleut-des-cordes")]),
        ("Il a pété les plombs.", [("idiom", "pété les plombs", "fr.idiom.peter-les-plombs")]),
        ("Mange ta pomme.", []),
    ],
)
def test_french_idioms(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert one("fr", line, "idiom") == expected


def test_french_idiom_literal_context_lowers_confidence() -> None:
    flags = detect(make_transcript(["Il a jeté l'éponge dans l'évier de la cuisine."], lang="fr"), kinds="idiom").flags
    assert [(f.rule_id, f.confidence) for f in flags] == [("fr.idiom.jeter-l-eponge", 0.3)]
    flags = detect(make_transcript(["Il a fini par jeter l'éponge."], lang="fr"), kinds="idiom").flags
    assert [(f.rule_id, f.confidence) for f in flags] == [("fr.idiom.jeter-l-eponge", 0.9)]


# -- culture ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("En Nochevieja nos comemos las doce uvas.", [
            ("holiday", "Nochevieja", "es.culture.nochevieja"),
            ("holiday", "las doce uvas", "es.culture.las-doce-uvas")]),
        ("Tengo que pagar a Hacienda.", [("institution", "Hacienda", "es.culture.hacienda")]),
        ("Luego churros con chocolate.", [("food", "churros con chocolate", "es.culture.churros-con-chocolate")]),
        ("Suspendí la selectividad y repito bachillerato.", [
            ("education", "selectividad", "es.culture.selectividad"),
            ("education", "bachillerato", "es.culture.bachillerato")]),
        ("Eso no es verdad.", []),
        ("Aprobé la ESO.", [("education", "ESO", "es.culture.eso")]),
        ("Renueva el DNI.", [("institution", "DNI", "es.culture.dni")]),
        ("Me costó mil pelas.", [("currency", "pelas", "es.culture.pelas")]),
        ("Son veinte pavos.", [("currency", "veinte pavos", "es.culture.pavos")]),
        ("Seré franco contigo.", []),
        ("Franco murió en 1975.", [("person", "Franco", "es.culture.franco")]),
        ("Sí, señor.", [("address", "señor", "es.culture.senor")]),
        ("Hable con el señor.", []),
        ("Buenos días, don Pedro.", [("address", "don Pedro", "es.culture.don-someone")]),
        ("Me paró la Guardia Civil.", [("institution", "la Guardia Civil", "es.culture.la-guardia-civil")]),
        ("¿Vamos a tomar unas cañas?", [("food", "unas cañas", "es.culture.unas-canas")]),
        ("Dale caña.", []),
    ],
)
def test_spanish_culture(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert one("es", line, "culture") == expected


def test_spanish_culture_flag_carries_strategies_and_origin() -> None:
    flags = detect(make_transcript(["Tengo que pagar a Hacienda."], lang="es"), kinds="culture").flags
    assert len(flags) == 1 and flags[0].gloss == "the Spanish tax office"
    first = flags[0].strategies[0]
    assert (first["strategy"], first["reason"]) == (
        "official equivalent", "an established equivalent exists (the taxman, HMRC, the IRS)")
    assert "generalization" in {s["strategy"] for s in flags[0].strategies}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("On se fait un apéro ce soir ?", [("food", "apéro", "fr.culture.apero")]),
        ("J'ai raté le bac.", [("education", "le bac", "fr.culture.le-bac")]),
        ("Il faut passer à la préfecture.", [("institution", "la préfecture", "fr.culture.la-prefecture")]),
        ("Ça coûte vingt balles.", [("currency", "vingt balles", "fr.culture.balles")]),
        ("Il a reçu des balles dans le dos.", []),
        ("Bonjour, Madame.", [("address", "Madame", "fr.culture.madame")]),
        ("La dame est partie.", []),
        ("Le 14 juillet, on sort.", [("holiday", "Le 14 juillet", "fr.culture.le-14-juillet")]),
        ("J'ai enchaîné trois CDD.", [("institution", "CDD", "fr.culture.cdd")]),
        ("Il est en garde à vue.", [("law", "en garde à vue", "fr.culture.en-garde-a-vue")]),
        ("Je tourne au carrefour.", []),
        ("On va chez Carrefour.", [("brand", "Carrefour", "fr.culture.carrefour")]),
        ("Il est au RSA et la CAF ne paie plus.", [
            ("institution", "RSA", "fr.culture.rsa"), ("institution", "CAF", "fr.culture.caf")]),
        ("Des crêpes pour la Chandeleur.", [
            ("food", "crêpes", "fr.culture.crepe"), ("holiday", "la Chandeleur", "fr.culture.la-chandeleur")]),
    ],
)
def test_french_culture(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert one("fr", line, "culture") == expected


# -- dialect, slang, profanity, register -------------------------------------------------------------

DIALECT_KINDS = "dialect,slang,profanity,register"


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("es", "Vale, nos vemos.", [("vocabulary", "Vale", "es.dialect.vale")]),
        ("es", "No vale la pena.", []),
        ("es", "¿Qué pasa, tío?", [("address", "tío", "es.dialect.tio")]),
        ("es", "Mi tío vive en Cuenca.", []),
        ("es", "¡Joder, qué guay!", [("profanity", "Joder", "es.dialect.joder"), ("vocabulary", "guay", "es.dialect.guay")]),
        ("es", "Qué onda, güey.", [("vocabulary", "Qué onda", "es.dialect.que-onda"), ("address", "güey", "es.dialect.guey")]),
        ("es", "Che, ¿vos sabés?", [
            ("vocabulary", "Che", "es.dialect.che"), ("grammar", "vos", "es.dialect.vos"),
            ("grammar", "sabés", "es.dialect.voseo-verb-form-argentina")]),
        ("es", "Estoy currando mucho.", [("vocabulary", "currando", "es.dialect.currar")]),
        ("fr", "Putain, j'ai perdu mon boulot.", [
            ("profanity", "Putain", "fr.dialect.putain"), ("vocabulary", "boulot", "fr.dialect.boulot")]),
        ("fr", "Ouais, grave.", [("vocabulary", "Ouais, grave", "fr.dialect.grave")]),  # the longest match wins
        ("fr", "C'est grave, docteur ?", []),
        ("fr", "Wesh, ma meuf est relou.", [
            ("vocabulary", "Wesh", "fr.dialect.wesh"), ("vocabulary", "meuf", "fr.dialect.meuf"),
            ("vocabulary", "relou", "fr.dialect.relou")]),
        ("fr", "Tabarnak, mon char est brisé.", [
            ("profanity", "Tabarnak", "fr.dialect.tabarnak"), ("vocabulary", "mon char", "fr.dialect.ones-char")]),
        ("fr", "Ma blonde est partie.", [("vocabulary", "Ma blonde", "fr.dialect.ones-blonde")]),
        ("fr", "Il kiffe sa bagnole.", [("vocabulary", "kiffe", "fr.dialect.kiffer"), ("vocabulary", "bagnole", "fr.dialect.bagnole")]),
    ],
)
def test_dialect_slang_profanity(lang: str, line: str, expected: list[tuple[str, str, str]]) -> None:
    assert one(lang, line, DIALECT_KINDS) == expected


def test_profanity_strength_and_register_formality() -> None:
    flags = detect(make_transcript(["Hijo de puta.", "¿Usted quiere algo?"], lang="es"), kinds=DIALECT_KINDS).flags
    assert [(f.kind, f.rule_id, f.evidence[-1], f.severity) for f in flags] == [
        ("profanity", "es.dialect.hijo-de-puta", "profanity, strong", "functional"),
        ("register", "es.dialect.usted", "grammar marker (General)", "info"),
    ]


# -- puns and humor ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("es", "Fui al banco a sacar dinero y me senté en el banco del parque.",
         [("pun", "banco", "es.pun.banco"), ("pun", "banco", "es.pun.banco")]),
        ("es", "Fui al banco a sacar dinero.", []),
        ("es", "Sí, claro, y yo soy el Papa.", [("sarcasm", "Sí, claro", "es.humor.si-claro")]),
        ("es", "Jajaja, qué bueno.", [("laughter", "Jajaja", "es.humor.written-laughter")]),
        ("es", "Era broma, hombre.", [("joke", "Era broma", "es.humor.era-broma")]),
        ("fr", "L'avocat a mangé un avocat au tribunal, avec du guacamole.",
         [("pun", "avocat", "fr.pun.avocat"), ("pun", "avocat", "fr.pun.avocat")]),
        ("fr", "C'est ça, oui.", [("sarcasm", "C'est ça, oui", "fr.humor.c-est-ca-oui")]),
        ("fr", "Mdr, t'es nul.", [("laughter", "Mdr", "fr.humor.mdr")]),
        ("fr", "Je plaisante !", [("joke", "Je plaisante", "fr.humor.je-plaisante")]),
        ("fr", "Mille sabords !", [("catchphrase", "Mille sabords", "fr.humor.mille-sabords")]),
    ],
)
def test_puns_and_humor_markers(lang: str, line: str, expected: list[tuple[str, str, str]]) -> None:
    assert one(lang, line, "humor") == expected


def test_pun_flag_names_both_senses() -> None:
    flags = detect(make_transcript(["El banco del parque está al lado del banco donde tengo la cuenta."], lang="es"),
                   kinds="humor").flags
    assert flags and all(f.rule_id == "es.pun.banco" for f in flags)
    assert flags[0].gloss == "pun on 'banco': entidad financiera / asiento"


def test_homophone_in_a_punchline() -> None:
    lines = ["¿Qué le dijo una ola a otra ola?", "Hola."]
    flags = [f for f in detect(make_transcript(lines, lang="es"), kinds="humor").flags if f.label == "homophone"]
    # both spellings in one joke: each sound-alike is evoked by the other spelling next to it
    assert [(f.segment, f.text, f.rule_id, f.confidence) for f in flags] == [
        ("s0001", "ola", "es.pun.hola-sound", 0.65), ("s0001", "ola", "es.pun.hola-sound", 0.65),
        ("s0002", "Hola", "es.pun.hola-sound", 0.65)]


def test_a_register_word_matches_its_own_forms_not_every_form_of_its_lemma() -> None:
    # "veuillez" (formal "please") lemmatizes to "vouloir": "je veux" is not formal register
    flags = detect(make_transcript(["Je veux juste répondre au téléphone."], lang="fr"), kinds="dialect,register").flags
    assert [f.rule_id for f in flags] == []
    flags = detect(make_transcript(["Veuillez patienter."], lang="fr"), kinds="dialect,register").flags
    assert [f.rule_id for f in flags] == ["fr.dialect.veuillez"]


def _entries_on(lang: str, line: str) -> list[tuple[str, str]]:
    doc = get_nlp(lang)(line)
    return sorted((span.text, span.id_) for spans in doc.spans.values() for span in spans)


@pytest.mark.parametrize(("line", "expected"), [
    # the lookup table folds "estado" into estar and "río" into reír: the entries match their own forms only
    ("Estamos aquí, ¿dónde estás?", []),
    ("El estado y los estados.", [("estado", "es.pun.estado"), ("estados", "es.pun.estado")]),
    ("Se ríe de todo.", []),
    ("El río está crecido.", [("río", "es.pun.rio")]),
    # 'quedar con' is to meet up; the leg-pulling idiom is progressive and reflexive
    ("Esta tarde voy a quedar con mi prima.", []),
    ("¿Te estás quedando conmigo?", [("quedando conmigo", "es.idiom.quedar-con-someone")]),
    # 'lo' and 'hay' by their forms: "es el que he visto" is no "es lo que hay"
    ("Es el que he visto.", []),
    ("Es lo que hay.", [("Es lo que hay", "es.idiom.ser-lo-que-hay")]),
    ("Vamos a jugar a las cartas, te juego de nuevo.", [("cartas", "es.pun.carta")]),
    ("Me la jugó.", [("Me la jugó", "es.idiom.jugar-a-someone")]),
    ("Ni que fuéramos ricos.", [("Ni que fuéramos", "es.humor.ni-que-fuera")]),
    # alternatives stay forms of one verb, by lemma: "dejes" in "dejar|dejes" takes "dejó" too
    ("Ayer me dejó plantada.", [("dejó plantada", "es.idiom.dejar-plantado-a-someone")]),
])
def test_spanish_entries_match_their_own_forms_not_every_form_of_a_folded_lemma(
        line: str, expected: list[tuple[str, str]]) -> None:
    assert _entries_on("es", line) == expected


def test_folded_words_and_their_forms() -> None:
    from locpipe.detect.patterns import folded, gender_number_forms

    assert folded("es", "estado", "estar") and folded("es", "río", "reír")
    assert not folded("es", "dejar", "dejar") and not folded("es", "quedarse", "quedar")
    assert not folded("en", "blessing", "bless") and not folded("es", "lo", "el")
    assert gender_number_forms("es", "plantado") == ["plantada", "plantadas", "plantado", "plantados"]
    assert gender_number_forms("es", "papel") == ["papel", "papeles"]
    assert gender_number_forms("fr", "pris") == ["pris"]
    assert gender_number_forms("fr", "cassé") == ["cassé", "cassée", "cassées", "cassés"]


@pytest.mark.parametrize(("lang", "line", "expected"), [
    # a one-word sarcasm marker needs the interjection that makes it ironic, like English "oh great"
    ("fr", "Super, merci ! Bravo pour ton bac.", []),
    ("fr", "Ah, super. Oh génial… Ah bravo, bien joué.", ["fr.humor.bravo", "fr.humor.genial", "fr.humor.super"]),
    ("es", "Genial, gracias. Está encima de la mesa. Enhorabuena por el trabajo.", []),
    ("es", "Ah, genial. Y encima, llueve. Pues enhorabuena.", ["es.humor.encima", "es.humor.enhorabuena", "es.humor.genial"]),
])
def test_one_word_sarcasm_markers_need_their_interjection(lang: str, line: str, expected: list[str]) -> None:
    doc = get_nlp(lang)(line)
    assert sorted(span.id_ for span in doc.spans.get("locpipe_humor", [])) == expected


@pytest.mark.parametrize(("lang", "line", "expected"), [
    ("es", "Es como si no me oyera.", []),
    ("es", "¿Que te invite? ¡Como si!", ["es.humor.como-si"]),
    ("fr", "Okay, on y va. Si il me trouve, je suis mort.", []),
    ("fr", "Je suis mort de rire. Je suis aware.", ["fr.humor.je-suis-mort", "fr.humor.okay"]),
])
def test_everyday_words_are_no_humor_markers(lang: str, line: str, expected: list[str]) -> None:
    """'como si' in a sentence, 'okay', 'je suis mort' are ordinary dialogue; the markers are '¡Como si!'
    alone, 'mort de rire', Van Damme's 'aware'."""
    doc = get_nlp(lang)(line)
    assert sorted(span.id_ for span in doc.spans.get("locpipe_humor", [])) == expected


@pytest.mark.parametrize(("lang", "line", "expected"), [
    # the tokens an entry needs around it but does not flag ("_context": true) are left out of the span
    ("fr", "Je suis complètement raide.", ("suis complètement raide", "fr.idiom.etre-raide")),
    ("fr", "Flûte !", ("Flûte", "fr.dialect.flute")),
    ("fr", "Voilà, s'il vous plaît.", ("s'il vous plaît", "fr.dialect.s-il-vous-plait")),
    ("es", "Ponme una caña bien fría.", ("una caña", "es.culture.una-cana")),
    ("es", "Y encima, llueve.", ("Y encima", "es.humor.encima")),
])
def test_context_tokens_are_matched_but_not_flagged(lang: str, line: str, expected: tuple[str, str]) -> None:
    assert expected in _entries_on(lang, line)


@pytest.mark.parametrize(("lang", "line", "expected"), [
    # a trailing context token that takes a full stop takes the line's end too: subtitles drop the stop
    ("es", "Ni modo", {("Ni modo", "es.dialect.ni-modo")}),
    ("es", "¡Qué oso", {("Qué oso", "es.dialect.que-oso")}),
    ("fr", "Ça marche", {("Ça marche", "fr.idiom.ca-marche")}),
    ("fr", "Calvaire", {("Calvaire", "fr.dialect.calvaire")}),
    ("fr", "Faut", {("Faut", "fr.dialect.faut")}),
    # what the context token rules out still rules the match out
    ("es", "Ni modo de saberlo", set()),
    ("fr", "Ça marche bien", set()),
    ("fr", "Il faut", set()),
    # a token list without "." gets no such match: "!" and "?" are not dropped the way a full stop is
    ("fr", "Tu veux une hostie", set()),
    ("fr", "On a vendu la ferme", set()),
    ("fr", "Ouin", set()),
])
def test_a_line_that_ends_without_its_full_stop_still_matches(lang: str, line: str, expected: set[tuple[str, str]]) -> None:
    ids = {entry_id for _text, entry_id in expected} | {
        "es.dialect.ni-modo", "es.dialect.que-oso", "fr.idiom.ca-marche", "fr.dialect.calvaire", "fr.dialect.faut",
        "fr.dialect.hostie-swear", "fr.idiom.la-ferme", "fr.dialect.ouin"}
    assert {(text, entry_id) for text, entry_id in _entries_on(lang, line) if entry_id in ids} == expected


def test_a_context_token_is_no_key_for_the_matcher() -> None:
    """'_context' is ours: it is taken out of the token before spaCy's Matcher (which validates its keys)
    sees the pattern."""
    from locpipe.detect.lexicon import load_lexicon

    entry = load_lexicon("fr").by_id["fr.dialect.flute"]
    assert entry["pattern"][-1]["_context"] is True
    get_nlp("fr")  # builds the matchers: an unknown key would raise


def test_function_words_of_the_language_make_no_running_gag_and_no_play_on_an_idiom() -> None:
    """French and Spanish function words are function words: "que c'est une" said three times is no
    running gag, and a reply that re-uses "pas" is no play on 'pas question' (they were, with English
    stop words)."""
    filler = ["Il fait beau aujourd'hui.", "On va au marché.", "Tu as vu le chat ?", "Le train part à midi."]
    lines = ["Je crois que c'est une erreur.", *filler, "Tu sais que c'est une blague.", *filler,
             "Je pense que c'est une idée."]
    assert [f for f in run("fr", lines, "humor") if f[3] == "fr.rule.running-gag"] == []
    gag = ["Pour toute la rédaction, bonsoir.", *filler, "Pour toute la rédaction, merci.", *filler,
           "Pour toute la rédaction, à demain."]
    assert [f[2] for f in run("fr", gag, "humor") if f[3] == "fr.rule.running-gag"] == ["Pour toute la rédaction"] * 3
    reply = run("fr", ["Pas question !", "Ce n'est pas mal du tout."], "humor")
    assert [f for f in reply if f[3] == "fr.rule.literalised-idiom"] == []
    spanish = ["Pero es que no lo sé.", "Hace calor.", "Vamos al cine.", "Pero es que no puedo.", "Hace frío.",
               "Llueve mucho.", "Pero es que no quiero."]
    assert [f for f in run("es", spanish, "humor") if f[3] == "es.rule.running-gag"] == []


@pytest.mark.parametrize(("lang", "common", "telling"), [
    ("es", {"cosa", "tiempo", "hacer", "vamos"}, {"cuenta", "precio", "hotel", "banco", "parque"}),
    ("fr", {"chose", "temps", "faire", "voilà"}, {"argent", "compte", "avocat", "tribunal", "cuisine"}),
])
def test_each_language_has_its_common_words(lang: str, common: set[str], telling: set[str]) -> None:
    """Spanish and French have their own lists of words too frequent to say what a line is about
    (English's comes from word probabilities; these are kept by hand): nouns a pun rests on stay out."""
    from locpipe.detect.context import Context
    from locpipe.detect.humor import common_words

    words = common_words(Context(transcript=None, lang=lang, lexicon=load_lexicon(lang), items=[], cues={}))  # type: ignore[arg-type]
    assert common <= words and not telling & words


def test_an_accented_word_of_a_sense_description_is_one_word() -> None:
    """The words of a sense's description evoke it: 'séjour' is one word, not 'jour' after 's' and 'é'."""
    from locpipe.detect.context import Context
    from locpipe.detect.humor import _sense_words

    ctx = Context(transcript=None, lang="fr", lexicon=load_lexicon("fr"), items=[], cues={})  # type: ignore[arg-type]
    words = {w for forms in _sense_words(ctx, [{"sense": "un séjour à la mer", "context": []}])[0] for w in forms}
    assert "séjour" in words and "jour" not in words
