"""French regional varieties, slang, address and profanity (locpipe/lexicons/fr/dialect-varieties.jsonl): every
entry flags a line of the dialogue it is written for, an entry on a word with an ordinary sense stays quiet on
that sense, and ordinary standard French gets none of them."""

from __future__ import annotations

import json
from functools import cache

import pytest

pytest.importorskip("spacy")

from test_detect_support import make_transcript  # noqa: E402

from locpipe.detect import detect  # noqa: E402
from locpipe.detect.lexicon import PACKAGE_LEXICONS  # noqa: E402

FILE = PACKAGE_LEXICONS / "fr" / "dialect-varieties.jsonl"
ENTRIES = [json.loads(line) for line in FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
NEW_IDS = {entry["id"] for entry in ENTRIES}
KINDS = "dialect,slang,profanity,register"


@cache
def _rules(line: str) -> frozenset[str]:
    """The rule ids of the dialect, slang, profanity and register flags on one line of dialogue."""
    flags = detect(make_transcript([line], lang="fr"), kinds=KINDS).flags
    return frozenset(f.rule_id for f in flags)


# slug -> a line of dialogue with the entry's use
FLAGGED = {
    # Québec
    "interrogative-tu": "C'est-tu vrai, ce qu'il raconte ?",
    "a-tantot": "Bon, j'y vais. À tantôt !",
    "dispendieux": "C'est ben trop dispendieux pour nous autres.",
    "becosses": "Le petit est parti aux bécosses.",
    "bobettes": "Il se promène en bobettes dans la cour.",
    "toune": "Mets donc une bonne toune à la radio.",
    "maganer": "T'as l'air pas mal magané, mon homme.",
    "coudonc": "Coudonc, tu m'écoutes pas pantoute ?",
    "faque": "Faque on est partis de bonne heure.",
    "ouin": "Ouin, c'est ça que je pensais aussi.",
    "enweye": "Enweye, on va être en retard !",
    "frencher": "Je l'ai vue frencher un gars au party.",
    "a-soir": "On se voit à soir chez Ginette ?",
    "a-matin": "J'ai pas eu le temps de manger à matin.",
    "en-amour": "Je suis tombée en amour avec lui.",
    "prendre-une-marche": "On pourrait prendre une marche après le souper.",
    "pas-de-trouble": "Pas de trouble, je m'en occupe.",
    "bon-matin": "Bon matin, tout le monde !",
    "la-gang": "J'ai invité toute la gang à souper.",
    "patente": "C'est quoi, cette patente-là ?",
    "en-beau-fusil": "Ma mère était en beau fusil quand elle a vu ça.",
    "cellulaire": "Appelle-moi sur mon cellulaire.",
    "chu": "Chu pas capable de dormir.",
    "c-te": "Regarde c'te fille-là.",
    "calvaire": "Calvaire ! J'ai oublié mes clés.",
    "viarge": "Viarge, qu'il fait froid !",
    "torrieux": "Torrieux, t'es lent !",
    "mautadit": "Mautadit que c'est long !",
    "sti": "Sti que t'es cave !",
    "sacrer-son-camp": "Sacre ton camp d'ici !",
    # Belgium
    "savoir-pouvoir": "Je sais pas venir demain, j'ai cours.",
    "non-peut-etre": "Tu viens à la fête ? Non peut-être !",
    "dikkenek": "Quel dikkenek, celui-là !",
    "zwanze": "C'était de la zwanze, rien de méchant.",
    "ketje": "Allez, ketje, rentre à la maison.",
    "baraki": "Il roule comme un baraki.",
    "dringuelle": "Mon parrain m'a donné une dringuelle.",
    "clignoteur": "Mets ton clignoteur avant de tourner !",
    "logopede": "Elle va chez la logopède le mercredi.",
    "chicon": "Ce soir, on mange des chicons au gratin.",
    "brosser-les-cours": "Il a encore brossé les cours hier.",
    "ca-goute": "Alors, ça goûte ?",
    "pistolet": "Je prends un pistolet au jambon.",
    "essuie": "Passe-moi un essuie, je suis trempé.",
    "kot": "Je rentre à mon kot ce soir.",
    "avoir-facile": "J'ai difficile de me lever le matin.",
    "a-la-toilette": "Je dois aller à la toilette.",
    # Switzerland
    "poutser": "Il faut poutser la cuisine avant que ta mère arrive.",
    "panosser": "Tu peux panosser le corridor ?",
    "bonnard": "C'était vraiment bonnard, ce concert.",
    "ca-joue": "On se voit à huit heures, ça joue pour toi ?",
    "chenit": "Range-moi ce chenit !",
    "gouille": "Il a sauté dans la gouille avec ses chaussures neuves.",
    "encoubler": "Je me suis encoublé dans le tapis.",
    "lolette": "Le bébé a perdu sa lolette.",
    "tout-de-bon": "Tout de bon, et à la semaine prochaine !",
    # Africa
    "go": "Ma go m'attend devant le maquis.",
    "ca-a-gate": "Ça a gâté, on a raté le car !",
    "enjailler": "On s'est bien enjaillés hier soir.",
    "ambiancer": "Le DJ a ambiancé toute la nuit.",
    "essencerie": "Arrête-toi à l'essencerie, on n'a plus d'essence.",
    "grotto": "Son père, c'est un grand grotto.",
    "mogo": "Ce môgô est fort.",
    "deh": "C'est bon dêh !",
    "toubab": "Le toubab veut acheter des masques.",
    "tantie": "Bonjour, tantie !",
    "vieux-pere": "Merci, vieux-père.",
    "enceinter": "C'est lui qui l'a enceintée.",
    "bonne-arrivee": "Bonne arrivée, ma sœur !",
    "brouteur": "Ce brouteur a arnaqué une retraitée sur internet.",
    "tchip": "Arrête de tchiper quand je te parle !",
    # banlieue
    "khey": "Wesh khey, bien ou quoi ?",
    "sah": "Sah, il l'a vraiment fait.",
    "poto": "Je sors avec mes potos ce soir.",
    "reuss": "C'est ma reuss, touche pas.",
    "mif": "La mif avant tout.",
    "bader": "Je bade depuis qu'elle est partie.",
    "gova": "On prend la gova de ton frère.",
    "chouf": "Il fait le chouf en bas de la tour.",
    "bledard": "Arrête, t'es trop blédard avec tes chaussettes.",
    "babtou": "Un babtou dans la cité, ça se remarque.",
    "poucave": "C'est lui la poucave, j'en suis sûr.",
    "bicrave": "Il bicrave en bas du bâtiment.",
    "charbonner": "J'ai charbonné toute la semaine pour ça.",
    "mytho": "Arrête de mytho, personne te croit.",
    "bails": "C'est quoi ces bails ?",
    "gadjo": "Ce gadjo, il a rien compris.",
    "tieks": "On se retrouve au tieks.",
    "le-sang": "Wesh le sang, ça dit quoi ?",
    "ziva": "Ziva, lâche-moi !",
    "tess": "Toute la tess était là.",
    "hchouma": "La hchouma, devant tout le monde !",
    "yallah": "Yallah, on y va !",
    "habibi": "Merci, habibi.",
    "inchallah": "On se voit demain, inchallah.",
    "hamdoullah": "Ça va, hamdoullah.",
    "starfoullah": "Starfoullah, t'as vu comment elle parle ?",
    "mashallah": "Mashallah, il a grandi, ton fils !",
    "mektoub": "C'était mektoub, on devait se rencontrer.",
    "zebi": "Zebi, on a perdu !",
    # verlan
    "cheum": "Il est trop cheum, ce pull.",
    "tarpe": "Il roule un tarpé derrière le gymnase.",
    "feuj": "Son voisin est feuj.",
    "tepu": "Dégage, sale tepu !",
    "teub": "Il m'a montré sa teub, ce malade.",
    # Marseille and the South
    "cacou": "Regarde ce cacou avec sa chaîne en or.",
    "engatse": "Quelle engatse, ce déménagement !",
    "ve": "Vé, le bateau qui rentre au port !",
    "bonne-mere": "Bonne mère ! Qu'est-ce qu'il fait chaud !",
    "chichourle": "Fan de chichourle, t'as vu ce poisson ?",
    "espincher": "Arrête d'espincher les voisins !",
    "fatche": "Fatche, il a marqué !",
    "escagasser": "Il m'a escagassé la voiture.",
    "empeguer": "Il s'est empégué au pastis.",
    "mefi": "Mèfi, le sol est glissant.",
    "ensuque": "Je suis tout ensuqué avec cette chaleur.",
    "caguer": "Tu me fais caguer avec tes histoires.",
    "quesaco": "Quésaco, ce truc ?",
    "couillon": "Oh, le couillon, il a oublié le pain !",
    "pecaire": "Pécaïre, le pauvre petit !",
    # the North
    "tiot": "Viens là, min tiot.",
    "wassingue": "Passe la wassingue dans la cuisine.",
    "ducasse": "On va à la ducasse dimanche.",
    "babache": "T'es vraiment un babache.",
    "ch-est": "Ch'est pas grave.",
    "bistouille": "Une bistouille pour se réchauffer ?",
    # Antilles, Réunion
    "an-nou-ale": "An nou alé, la fête commence !",
    "sa-ou-fe": "Sa ou fè, cousin ?",
    "pani-pwoblem": "Pani pwoblem, je m'en charge.",
    "bonda": "Bouge ton bonda !",
    "chabin": "C'est une belle chabine.",
    "beke": "Les békés possèdent la plupart des terres.",
    "zoreil": "Les zoreils ne comprennent rien au créole.",
    "macoume": "Il l'a traité de macoumé devant tout le monde.",
    # Acadia
    "j-avons": "J'avons point d'argent.",
    "ils-iont": "Ils aviont pas le temps.",
    "badrer": "Arrête de me bâdrer avec ça.",
    # eye-dialect and grammar of casual speech
    "t-es": "Mais t'es malade ou quoi ?",
    "t-es-start": "T'es sûr de toi ?",
    "t-as": "Qu'est-ce que t'as dit ?",
    "y-a": "Y'a personne ici.",
    "y-a-start": "Y a plus de pain.",
    "tain": "'Tain, j'ai raté le bus !",
    "p-tet": "P'têt qu'il viendra.",
    "v-la": "V'là le facteur.",
    "chepa": "Chépa, demande à ta mère.",
    "j-consonant": "J'sais pas où il est.",
    "t-consonant": "T'sais, c'était pas facile.",
    "s-te-plait": "Passe-moi le sel, s'te plaît.",
    "m-enfin": "M'enfin, qu'est-ce qui se passe ?",
    "ben": "Ben oui, évidemment.",
    "d-ac": "D'ac, à demain.",
    "faut": "Faut qu'on parle.",
    # register
    "madame-est-servie": "Madame est servie.",
    "monsieur-desire": "Monsieur désire un café ?",
    "se-dire-tu": "On peut se dire tu, maintenant ?",
    "sauf-votre-respect": "Sauf votre respect, mon colonel, c'est une erreur.",
    "mes-hommages": "Mes hommages, Madame.",
    "je-vous-saurais-gre": "Je vous saurais gré de fermer la porte.",
    "ne-vous-en-deplaise": "Ne vous en déplaise, je reste ici.",
    # general slang and address
    "frangin": "Mon frangin arrive demain.",
    "picoler": "Il a encore picolé toute la soirée.",
    "planque": "Les flics sont en planque devant chez lui.",
    "se-magner": "Magne-toi, on va rater le train !",
    "grouille-toi": "Grouille-toi, le film commence !",
    "buter": "Je vais le buter, ce type !",
    "came": "Il vendait de la came au lycée.",
    "indic": "C'est notre indic qui nous a prévenus.",
    "mon-gars": "Merci, mon gars.",
    "ma-poule": "Ça va, ma poule ?",
    "mon-coco": "Allez, mon coco, au lit !",
    "ma-cocotte": "Viens là, ma cocotte.",
    "fiston": "Écoute-moi bien, fiston.",
    # profanity
    "salopard": "Ce salopard m'a menti.",
    "trou-du-cul": "Espèce de trou du cul !",
    "petasse": "Dégage, pétasse !",
    "pouffiasse": "Cette pouffiasse m'a piqué ma place.",
    "branleur": "Ton frère est un branleur.",
    "ordure": "Espèce d'ordure !",
    "fumier": "Sale fumier, tu vas payer !",
    "nom-de-dieu": "Mais nom de Dieu, qu'est-ce que tu fais ?",
    "nom-de-dieu-start": "Nom de Dieu ! Il est vivant !",
    "mince": "Mince, j'ai oublié mon portable !",
    "puree": "Purée ! T'as vu ça ?",
    "fiotte": "Arrête de pleurer, espèce de fiotte.",
    "bougnoule": "Il a été condamné pour avoir traité son voisin de bougnoule.",
}

# (slug, an ordinary line with the word or phrase in its standard sense, which must not get the entry)
ORDINARY = [
    ("interrogative-tu", "Veux-tu un café ?"),
    ("interrogative-tu", "Qu'en penses-tu ?"),
    ("interrogative-tu", "Te souviens-tu de lui ?"),
    ("a-tantot", "Il est tantôt gentil, tantôt méchant."),
    ("ouin", "Le bébé fait ouin ouin toute la nuit."),
    ("a-soir", "À ce soir !"),
    ("a-matin", "Je me lève tôt le matin."),
    ("en-amour", "Elle est heureuse en amour."),
    ("en-amour", "En amour comme à la guerre, tout est permis."),
    ("prendre-une-marche", "J'ai raté une marche dans l'escalier."),
    ("pas-de-trouble", "Il n'y a pas de trouble à l'ordre public."),
    ("bon-matin", "Il est parti de bon matin."),
    ("la-gang", "Le gang a braqué une banque."),
    ("la-gang", "Il fait partie d'un gang."),
    ("en-beau-fusil", "Il a acheté un beau fusil de chasse."),
    ("cellulaire", "La division cellulaire est rapide."),
    ("calvaire", "Quel calvaire, ce voyage !"),
    ("calvaire", "Ce fut un calvaire."),
    ("sacrer-son-camp", "Le roi a été sacré à Reims."),
    ("sacrer-son-camp", "Chacun est retourné dans son camp."),
    ("savoir-pouvoir", "Je ne sais pas quand il va venir."),
    ("savoir-pouvoir", "Il sait nager depuis l'âge de cinq ans."),
    ("non-peut-etre", "Non, peut-être demain."),
    ("brosser-les-cours", "Elle brosse le chien tous les matins."),
    ("ca-goute", "Il goûte la sauce avant de servir."),
    ("pistolet", "Il est entré pistolet au poing."),
    ("pistolet", "Le pistolet à eau est cassé."),
    ("essuie", "Tu essuies la vaisselle ?"),
    ("essuie", "Il s'essuie les mains sur son pantalon."),
    ("avoir-facile", "Il y a facile vingt personnes dehors."),
    ("avoir-facile", "Ça a facile coûté mille euros."),
    ("a-la-toilette", "Elle fait sa toilette."),
    ("ca-joue", "Les enfants, ça joue dehors toute la journée."),
    ("ca-joue", "Ça joue sur le moral."),
    ("tout-de-bon", "Il a arrêté de fumer tout de bon."),
    ("go", "J'ai une clé USB de 32 Go."),
    ("go", "Il a dit oui tout de go."),
    ("go", "Prêts ? Go !"),
    ("ca-a-gate", "La pluie, ça a gâté la soirée."),
    ("ca-a-gate", "Il a gâté ses petits-enfants."),
    ("vieux-pere", "Mon vieux père est malade."),
    ("bonne-arrivee", "On attend la bonne arrivée du colis."),
    ("le-sang", "Le sang coule sur le trottoir."),
    ("le-sang", "Le médecin analyse le sang."),
    ("tess", "Tess arrive demain."),
    ("bonne-mere", "C'est une bonne mère pour ses enfants."),
    ("t-es", "Tu t'es trompé de porte."),
    ("t-es", "Tu ne t'es pas couché ?"),
    ("t-es-start", "Tu t'es fait mal ?"),
    ("y-a-start", "Y a-t-il un médecin dans la salle ?"),
    ("y-a-start", "Il y a plus de pain."),
    ("j-consonant", "J'habite à Lyon."),
    ("j-consonant", "J'y vais."),
    ("t-consonant", "Je t'aime."),
    ("t-consonant", "Il t'a vu."),
    ("s-te-plait", "S'il te plaît, passe-moi le sel."),
    ("m-enfin", "Enfin, te voilà !"),
    ("ben", "Ben, tu viens ?"),
    ("ben", "Ben et moi, on part demain."),
    ("faut", "Il faut qu'on parle."),
    ("faut", "Faut-il vraiment partir ?"),
    ("monsieur-desire", "Monsieur Martin désire vous voir."),
    ("se-dire-tu", "Je vais te dire un secret."),
    ("grouille-toi", "La place grouille de monde."),
    ("buter", "Il bute sur chaque mot."),
    ("buter", "Elle se bute quand on la contredit."),
    ("came", "L'arbre à cames est cassé."),
    ("mon-gars", "C'est mon gars qui a gagné le match."),
    ("ma-poule", "Ma poule a pondu deux œufs."),
    ("ma-cocotte", "Mets le poulet dans ma cocotte en fonte."),
    ("ordure", "Sors les ordures, s'il te plaît."),
    ("ordure", "Il a jeté une ordure par terre."),
    ("fumier", "Le fermier étale du fumier dans le champ."),
    ("nom-de-dieu", "Au nom de Dieu, je vous bénis."),
    ("mince", "Elle est grande et mince."),
    ("mince", "Une mince couche de neige couvre la route."),
    ("puree", "Je vais faire de la purée."),
    ("puree", "Purée de pommes de terre maison."),
    ("essuie", "Il a changé son essuie-glace."),
    ("essuie", "Prends un essuie-tout."),
    ("go", "Les go-karts sont prêts."),
    ("le-sang", "Regarde, le sang !"),
    ("le-sang", "Très bien, le sang."),
    ("nom-de-dieu", "Béni soit le saint nom de Dieu."),
    ("nom-de-dieu", "Il ne faut pas prononcer le nom de Dieu en vain."),
    ("savoir-pouvoir", "Elle sait venir à bout de tout."),
    ("savoir-pouvoir", "Il sait venir quand on a besoin de lui."),
    ("bonne-mere", "Bonne mère, bonne épouse, elle a tout donné."),
    ("t-es-start", "T'es-tu bien amusé ?"),
    ("cellulaire", "Le fourgon cellulaire est arrivé."),
    ("vieux-pere", "Le vieux père Fouras est mort."),
    ("ne-vous-en-deplaise", "Ne vous en faites pas."),
]

# ordinary standard French: news, kitchen, office, family, police procedural
STANDARD = [
    "Le gouvernement a annoncé de nouvelles mesures ce matin.",
    "Les prix de l'énergie ont augmenté de dix pour cent.",
    "Une tempête a frappé la côte atlantique hier soir.",
    "Le président se rendra à Bruxelles la semaine prochaine.",
    "Tu peux mettre la table, s'il te plaît ?",
    "La purée est prête, on peut manger.",
    "Il faut encore couper les oignons.",
    "J'ai acheté du pain et des croissants.",
    "Ne touche pas la casserole, elle est brûlante.",
    "La réunion commence à neuf heures.",
    "Pouvez-vous m'envoyer le rapport avant midi ?",
    "Mon collègue est en congé jusqu'à lundi.",
    "L'imprimante est encore en panne.",
    "Je vous remercie de votre patience.",
    "Ta grand-mère arrive demain par le train.",
    "Les enfants, il est l'heure d'aller au lit.",
    "On ira à la plage si le temps le permet.",
    "Ton frère a oublié son manteau chez nous.",
    "Je t'aime, tu le sais bien.",
    "Le suspect a été placé en garde à vue.",
    "Nous avons retrouvé l'arme du crime dans la voiture.",
    "Où étiez-vous la nuit du meurtre ?",
    "L'analyse du sang confirme notre hypothèse.",
    "Le commissaire veut vous voir dans son bureau.",
    "La victime a été tuée de trois balles.",
    "Il y a un bon film à la télévision ce soir.",
    "Veux-tu un café ?",
    "Je ne sais pas quand il va venir.",
    "Elle a pris le métro pour aller au travail.",
    "Le chien dort sur le canapé.",
    "Nous partirons de bon matin.",
    "Tantôt il rit, tantôt il pleure.",
    "Ce fut un véritable calvaire.",
    "Il a gâté ses petits-enfants à Noël.",
    "Mon vieux père habite à la campagne.",
    "Le bureau du juge est au deuxième étage.",
    "Il a raté une marche et il est tombé.",
    "Tu t'es trompé de numéro.",
    "Y a-t-il un médecin dans l'avion ?",
    "Qu'en penses-tu ?",
    "Le gang des voleurs a été arrêté à Marseille.",
    "Elle est heureuse en amour et dans son travail.",
    "Mademoiselle, votre table est prête.",
    "Merci beaucoup, monsieur, bonne journée.",
]


def test_every_entry_has_a_line_of_its_own_dialogue() -> None:
    assert {f"fr.dialect.{slug}" for slug in FLAGGED} == NEW_IDS


def test_entries_are_well_formed() -> None:
    for entry in ENTRIES:
        assert entry["kind"] in ("dialect", "slang", "profanity", "register"), entry["id"]
        assert entry["variety"], entry["id"]
        if entry["kind"] == "profanity":
            assert entry["strength"] in ("mild", "moderate", "strong"), entry["id"]


@pytest.mark.parametrize(("slug", "line"), sorted(FLAGGED.items()))
def test_entry_flags_its_use(slug: str, line: str) -> None:
    assert f"fr.dialect.{slug}" in _rules(line)


@pytest.mark.parametrize(("slug", "line"), ORDINARY)
def test_entry_skips_the_ordinary_sense(slug: str, line: str) -> None:
    assert f"fr.dialect.{slug}" in NEW_IDS
    assert f"fr.dialect.{slug}" not in _rules(line)


@pytest.mark.parametrize("line", STANDARD)
def test_standard_french_gets_none_of_the_new_entries(line: str) -> None:
    assert not _rules(line) & NEW_IDS


def test_a_transcript_of_standard_dialogue_gets_none_of_the_new_entries() -> None:
    flags = detect(make_transcript(STANDARD, lang="fr"), kinds=KINDS).flags
    assert not {f.rule_id for f in flags} & NEW_IDS


def test_address_and_profanity_flags_carry_formality_and_strength() -> None:
    flags = detect(make_transcript(["Merci, mon gars.", "Sacre ton camp d'ici !"], lang="fr"), kinds=KINDS).flags
    by_rule = {f.rule_id: f for f in flags}
    assert by_rule["fr.dialect.mon-gars"].label == "address"
    assert "tu" in by_rule["fr.dialect.mon-gars"].suggestion
    assert by_rule["fr.dialect.sacrer-son-camp"].kind == "profanity"
    assert "moderate" in " ".join(by_rule["fr.dialect.sacrer-son-camp"].evidence)
