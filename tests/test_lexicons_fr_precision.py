"""French lexicon entries that also matched ordinary standard French: each must stay quiet on the everyday
use and still catch the use its gloss describes."""

import pytest

pytest.importorskip("spacy")

from test_detect_support import flags_of, make_transcript  # noqa: E402

from locpipe.detect import detect, get_nlp  # noqa: E402


def _entries_on(line: str) -> list[str]:
    doc = get_nlp("fr")(line)
    return sorted(span.id_ for spans in doc.spans.values() for span in spans)


# (entry id, an ordinary line that must not get it, a line with the real use that must)
CASES = [
    ("fr.dialect.flute", "Ma fille apprend à jouer de la flûte au conservatoire.", "Flûte ! J'ai oublié mes clés."),
    ("fr.dialect.flute", "On a bu du champagne dans des flûtes en cristal.", "Oh, flûte alors."),
    ("fr.dialect.punaise", "Il y a des punaises dans le lit de l'hôtel.", "Punaise, t'as vu l'heure ?"),
    ("fr.dialect.crotte", "Attention, il y a une crotte de chien sur le trottoir.", "Crotte ! Encore raté."),
    ("fr.dialect.bosser", "Il a une bosse sur le front depuis sa chute.", "On a bossé toute la nuit."),
    ("fr.dialect.bosser-present", "Il a une bosse sur le front depuis sa chute.", "Je bosse demain matin."),
    ("fr.dialect.nul", "Le match s'est terminé sur un score nul.", "C'est nul, ce film."),
    ("fr.dialect.nul", "Nul n'est censé ignorer la loi.", "T'es nulle en maths."),
    ("fr.dialect.bourre", "Le sac était bourré de billets de cinquante euros.", "Il est complètement bourré."),
    ("fr.idiom.etre-bourre", "Son rapport est bourré d'erreurs.", "J'étais bourré hier soir."),
    ("fr.culture.redoubler", "Il faut redoubler de prudence sur la route.", "Elle a redoublé sa troisième."),
    ("fr.culture.redoubler", "La police a redoublé d'efforts pour retrouver l'enfant.", "Il a redoublé."),
    ("fr.culture.francs", "Pour être franc, je ne l'aime pas beaucoup.", "Ça coûtait cent francs à l'époque."),
    ("fr.culture.francs", "Ce fut un franc succès.", "Combien ça fait en francs ?"),
    ("fr.culture.croissant", "C'est un nombre croissant de victimes.", "Je prends deux croissants et une baguette."),
    ("fr.dialect.pieu", "Le vampire a été tué avec un pieu.", "Allez, au pieu !"),
    ("fr.dialect.fourrer", "Ce gâteau est fourré au chocolat.", "Va te faire fourrer !"),
    ("fr.dialect.fourrer", "Ne fourre pas ton nez dans mes affaires.", "Il m'a fourré, le garagiste."),
    ("fr.dialect.une-fois", "J'ai été amoureux une fois.", "Viens une fois ici."),
    ("fr.dialect.une-fois", "Une fois arrivés à la gare, appelle-moi.", "Dis une fois, tu viens ce soir ?"),
    ("fr.dialect.s-il-vous-plait", "Combien coûte ce pull, s'il vous plaît ?", "Voilà, s'il vous plaît."),
    ("fr.dialect.pis", "Tant pis, on ira demain.", "Moi pis toi, on est pareils."),
    ("fr.dialect.pis", "Après ça, tout est allé de mal en pis.", "Pis là, il est parti."),
    ("fr.idiom.faire-le-menage", "Je fais le ménage tous les samedis matin.",
     "Il faut faire le ménage dans cette équipe."),
    ("fr.idiom.t-as-vu", "T'as vu Marc hier soir ?", "T'as vu ça ?"),
    ("fr.idiom.ca-marche", "Ça marche pas, la télé est encore en panne.", "Ça marche, à demain."),
    ("fr.idiom.ca-marche", "Dans 60% des cas, ça marche à tous les coups.", "Ça marche !"),
    ("fr.idiom.tu-parles", "Tu parles français ?", "Tu parles ! Il n'est jamais venu."),
    ("fr.idiom.la-ferme", "On a passé l'été à la ferme de mes grands-parents.", "La ferme ! Je travaille."),
    ("fr.idiom.bien-fait", "C'est du travail bien fait, bravo.", "Bien fait !"),
    ("fr.idiom.je-reve", "Je rêve de partir en Italie cet été.", "Je rêve ou il a encore oublié ?"),
    ("fr.idiom.a-l-il", "Il a un bleu à l'œil gauche.", "On a mangé à l'œil toute la semaine."),
    ("fr.idiom.mon-il", "J'ai une poussière dans mon œil.", "Lui, honnête ? Mon œil !"),
    ("fr.idiom.une-paille", "Tu veux une paille pour ton jus ?", "Dix mille euros, une paille !"),
    ("fr.idiom.ramer", "On a raté la dernière rame de métro.", "On rame depuis des mois avec ce projet."),
    ("fr.idiom.au-poil", "Il est allergique au poil de chat.", "C'est au poil, merci."),
    ("fr.idiom.etre-raide", "La pente est raide, fais attention.", "On est raide, plus un sou."),
    ("fr.idiom.etre-pete", "Le vase est pété, il faut en racheter un.", "T'es complètement pété, mec."),
    ("fr.idiom.etre-rince", "La vaisselle est rincée, tu peux l'essuyer.", "Je vais être rincé après ça."),
    ("fr.idiom.etre-claque", "La porte a été claquée par le vent.", "Elle est claquée après sa garde."),
    ("fr.idiom.etre-creve", "Le pneu est crevé, on appelle un garagiste.", "Je suis crevé, je vais me coucher."),
    ("fr.idiom.etre-a-bout", "Je suis à bout de souffle après la course.", "Je suis à bout, je n'en peux plus."),
    ("fr.culture.le-bac", "Jette ça dans le bac à ordures.", "J'ai eu le bac avec mention."),
    ("fr.culture.une-buche", "Mets une bûche dans la cheminée.", "On a pris une bûche glacée au dessert."),
    # 'pécher' is to sin; the verlan verb is 'pécho'
    ("fr.dialect.pecho", "Il ne faut pas pécher.", "Il a pécho une meuf."),
    # 'hostie' is also the communion wafer, 'crisse' the verb crisser (tyres screech)
    ("fr.dialect.hostie-swear", "Le prêtre donne l'hostie.", "Hostie de câlisse !"),
    ("fr.dialect.crisse", "Le pneu crisse.", "Crisse, arrête !"),
    ("fr.dialect.crisse", "La voiture crisse sur le gravier.", "Crisse de menteur !"),
    ("fr.dialect.en-crisse", "Le pneu crisse en freinant.", "C'est beau en crisse."),
]


@pytest.mark.parametrize(("entry_id", "ordinary", "real"), CASES)
def test_entry_skips_ordinary_french_and_keeps_its_use(entry_id: str, ordinary: str, real: str) -> None:
    assert entry_id not in _entries_on(ordinary)
    assert entry_id in _entries_on(real)


#: every flag kind the dialect lexicon gives (an entry's own kind: slang, profanity …), so no case is left out
DIALECT_KINDS = "dialect,slang,profanity,register"


@pytest.mark.parametrize(("line", "kinds", "rule"), [
    ("Il faut redoubler de prudence sur la route.", "culture", "fr.culture.redoubler"),
    ("Sois franc avec moi, qu'est-ce qui se passe ?", "culture", "fr.culture.francs"),
    ("J'ai toujours eu une passion pour la flûte.", DIALECT_KINDS, "fr.dialect.flute"),
    ("Je ne mangerai pas de crotte de chat !", DIALECT_KINDS, "fr.dialect.crotte"),
    ("J'ai été amoureux une fois.", DIALECT_KINDS, "fr.dialect.une-fois"),
    ("Ça va de mal en pis depuis son départ.", DIALECT_KINDS, "fr.dialect.pis"),
    ("Il est bourré de talent.", DIALECT_KINDS, "fr.dialect.bourre"),
    ("Je fais le ménage.", "idiom", "fr.idiom.faire-le-menage"),
])
def test_no_flag_on_ordinary_dialogue(line: str, kinds: str, rule: str) -> None:
    flags = detect(make_transcript([line], lang="fr"), kinds=kinds).flags
    assert rule not in [f.rule_id for f in flags]
    # the same kinds do flag the entry's real use: the filter is no reason for the silence
    real = next(use for entry_id, _ordinary, use in CASES if entry_id == rule)
    assert rule in [f.rule_id for f in detect(make_transcript([real], lang="fr"), kinds=kinds).flags]


def test_real_uses_are_still_flagged_in_a_transcript() -> None:
    lines = ["Flûte ! J'ai oublié les croissants.", "T'es nul, franchement.", "Ça coûtait vingt francs.",
             "Il était complètement bourré."]
    rules = {rule for _, _, _, rule in flags_of(detect(make_transcript(lines, lang="fr")))}
    assert {"fr.dialect.flute", "fr.dialect.nul", "fr.culture.francs", "fr.dialect.bourre",
            "fr.idiom.etre-bourre"} <= rules


@pytest.mark.parametrize(("entry_id", "ordinary", "real"), [
    # the idiom also has a plain sense: a word of the scene around it marks the plain one as literal
    ("fr.idiom.laisser-tomber", "Il a laissé tomber son assiette par terre.", "Laisse tomber, c'est pas grave."),
    ("fr.idiom.c-est-chaud", "Attention, c'est chaud, ne touche pas la casserole.", "Ce soir c'est chaud, les flics sont partout."),
    ("fr.idiom.c-est-cuit", "Le poulet, c'est cuit, tu peux servir.", "On a raté le dernier train, c'est cuit."),
    ("fr.idiom.ca-roule", "Ça roule bien sur l'autoroute ce matin.", "Ça roule, à demain !"),
    ("fr.idiom.ca-pue", "Ça pue le poisson dans cette cuisine.", "Ça pue, cette histoire."),
])
def test_a_literal_scene_lowers_the_idiom(entry_id: str, ordinary: str, real: str) -> None:
    def confidences(line: str) -> list[float]:
        flags = detect(make_transcript([line], lang="fr"), kinds="idiom").flags
        return [f.confidence for f in flags if f.rule_id == entry_id]

    assert confidences(ordinary) and all(c < 0.5 for c in confidences(ordinary))
    assert confidences(real) and all(c > 0.5 for c in confidences(real))


@pytest.mark.parametrize(("entry_id", "line", "words"), [
    ("fr.idiom.en-vrac", "On achète les pâtes en vrac.", "in bulk"),
    ("fr.culture.le-tarot", "Elle lit le tarot à ses clientes.", "fortune-telling"),
    ("fr.dialect.fourrer", "Où t'as fourré mes clés ?", "shove"),
])
def test_gloss_covers_the_ordinary_sense(entry_id: str, line: str, words: str) -> None:
    flags = [f for f in detect(make_transcript([line], lang="fr")).flags if f.rule_id == entry_id]
    assert flags and all(words in f.gloss for f in flags)
