"""The second French pun lexicon (locpipe/lexicons/fr/puns-more.jsonl): calembours on everyday words and
sound-alikes. Each entry is flagged on a one-liner or a short exchange that plays on its two senses, and stays
quiet on a plain line that uses the word in its ordinary sense, on ordinary dialogue (kitchen, office, family,
police, news) and on a real French film's subtitles."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("spacy")

from conftest import CORPORA  # noqa: E402
from test_detect_support import make_transcript  # noqa: E402

from locpipe.detect import detect, get_nlp  # noqa: E402
from locpipe.detect.lexicon import PACKAGE_LEXICONS, load_lexicon  # noqa: E402
from locpipe.model import Flag  # noqa: E402

PATH = PACKAGE_LEXICONS / "fr" / "puns-more.jsonl"
ENTRIES = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
IDS = frozenset(entry["id"] for entry in ENTRIES)


def puns(lines: list[str]) -> list[Flag]:
    """The pun and sound-alike flags of a French exchange (one segment per line)."""
    transcript = detect(make_transcript(lines, lang="fr"), kinds="humor")
    return [f for f in transcript.flags if f.label in ("pun", "homophone")]


def ours(lines: list[str]) -> list[tuple[str, str]]:
    """(text, rule id) of the flags this file's entries raise on an exchange."""
    return [(f.text, f.rule_id) for f in puns(lines) if f.rule_id in IDS]


def _forms(entry: dict) -> list[str]:
    return [*entry["pattern"][0]["LOWER"]["IN"], *entry.get("sounds_like", [])]


# -- the file itself ---------------------------------------------------------------------------------


def test_entries_are_well_formed() -> None:
    assert len(ENTRIES) >= 110
    assert len(IDS) == len(ENTRIES)
    for entry in ENTRIES:
        assert entry["id"].startswith("fr.pun."), entry["id"]
        assert entry["label"] in ("pun", "homophone"), entry["id"]
        assert entry["id"].endswith("-sound") == (entry["label"] == "homophone"), entry["id"]
        # one token, its own forms only: the lookup lemmatizer folds words into others ("sommes" → être)
        assert len(entry["pattern"]) == 1 and set(entry["pattern"][0]) == {"LOWER"}, entry["id"]
        assert " / " in entry["gloss"] and len(entry["gloss"]) <= 120, entry["id"]
        assert len(entry["senses"]) >= 2, entry["id"]
        for sense in entry["senses"]:
            words = sense["context"]
            assert 15 <= len(words) <= 40, (entry["id"], sense["sense"], len(words))
            assert len(set(words)) == len(words), (entry["id"], sense["sense"])
        if entry["label"] == "homophone":
            assert entry["sounds_like"], entry["id"]
    loaded = load_lexicon("fr")
    assert {entry["id"] for entry in loaded.entries("puns")} >= IDS


def test_no_word_gets_a_second_entry() -> None:
    """A spelling of this file is no spelling of another French pun entry (nor of two of its own)."""
    others: dict[str, str] = {}
    for path in sorted((PACKAGE_LEXICONS / "fr").glob("puns*.jsonl")):
        if path == PATH:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            pattern = entry["pattern"]
            forms = [pattern] if isinstance(pattern, str) else pattern[0]["LOWER"]["IN"]
            for form in [*forms, *entry.get("sounds_like", [])]:
                others[form.lower()] = entry["id"]
    seen: dict[str, str] = {}
    for entry in ENTRIES:
        for form in _forms(entry):
            assert form.lower() not in others, (entry["id"], form, others.get(form.lower()))
            assert form.lower() not in seen, (entry["id"], form, seen.get(form.lower()))
            seen[form.lower()] = entry["id"]


def _entries_on(line: str) -> list[tuple[str, str]]:
    doc = get_nlp("fr")(line)
    return sorted((span.text, span.id_) for span in doc.spans.get("locpipe_pun", []) if span.id_ in IDS)


@pytest.mark.parametrize(("line", "expected"), [
    # "somme" is not every form of sommer / être; "vol" is not "volé"; "marché" is not "marche"
    ("Nous sommes prêts, on y va.", []),
    ("On m'a volé mon portefeuille.", []),
    ("Ça marche, à demain.", []),
    ("Il a payé une grosse somme.", [("somme", "fr.pun.somme")]),
    ("Les vols sont annulés.", [("vols", "fr.pun.vol")]),
    ("J'ai des maux de tête et je cherche mes mots.", [("maux", "fr.pun.maux-sound"), ("mots", "fr.pun.maux-sound")]),
    ("Le prof a ri.", [("ri", "fr.pun.riz-sound")]),
    ("Il faut rire.", []),
])
def test_entries_match_their_own_forms(line: str, expected: list[tuple[str, str]]) -> None:
    assert _entries_on(line) == expected


# -- jokes: the entry is flagged on its word ----------------------------------------------------------

# (entry, the one-liner or exchange, the word the pun or sound-alike flag is on)
JOKES = [
    ("greve", ["Les mouettes du syndicat manifestent sur la plage : c'est la grève sur la grève."], "grève"),
    ("fraise", ["Chez le dentiste, j'ai eu droit à la fraise, mais sans chantilly."], "fraise"),
    ("vase", ["Le fleuriste est tombé dans l'étang : il a de la vase jusqu'aux genoux."], "vase"),
    ("somme", ["Après avoir compté l'argent toute la nuit, le caissier a piqué un somme."], "somme"),
    ("palais", ["Ce sommelier a un palais si fin qu'il habite à Versailles."], "palais"),
    ("raie", ["Le coiffeur des poissons fait toujours la raie au milieu."], "raie"),
    ("bar", ["Le poisson préféré des ivrognes, c'est le bar."], "bar"),
    ("toile", ["L'araignée est une vraie artiste : elle peint sur sa toile."], "toile"),
    ("memoire", ["L'étudiant a perdu la mémoire la veille de la soutenance de son mémoire."], "mémoire"),
    ("cle", ["Le plombier a perdu les clés de sa maison, mais il lui reste sa clé anglaise."], "clé"),
    ("ampoule", ["Après le marathon, j'avais des ampoules aux pieds, mais aucune idée lumineuse."],
     "ampoules"),
    ("grenade", ["Le soldat végétarien a dégoupillé une grenade pour en faire du jus."], "grenade"),
    ("mouche", ["Au stand de tir, le champion a visé la cible et il a fait mouche sur une guêpe."], "mouche"),
    ("vol", ["Le pickpocket travaille à l'aéroport : il ne rate jamais un vol."], "vol"),
    ("botte", ["Le cowboy végétarien porte des bottes de poireaux."], "bottes"),
    ("tarte", ["Si tu touches à ma tarte aux pommes, tu vas te prendre une tarte."], "tarte"),
    ("patate", ["J'ai mangé des frites ce matin : j'ai la patate, je suis en pleine forme !"], "patate"),
    ("prune", ["J'allais trop vite pour cueillir des prunes au verger : le gendarme m'a collé une prune."],
     "prune"),
    ("pepin", ["J'ai avalé un pépin de pomme. C'est pas grave, c'est juste un petit pépin."], "pépin"),
    ("navet", ["Ce réalisateur adore le potager : il ne produit que des navets."], "navets"),
    ("nouille", ["Espèce de nouille ! Tu as laissé les pâtes cuire deux heures !"], "nouille"),
    ("cornichon", ["Il a mis le pot de moutarde au congélateur, quel cornichon !"], "cornichon"),
    ("poire", ["Cet escroc m'a vendu des poires pourries : la bonne poire, c'est moi."], "poire"),
    ("banane", ["Le singe a mangé tout le régime, il a la banane jusqu'aux oreilles."], "banane"),
    ("radis", ["Le maraîcher est ruiné : il n'a plus un radis."], "radis"),
    ("feve", ["À la galette des rois, mon oncle végétarien a trouvé la fève dans sa purée de haricots."],
     "fève"),
    ("timbre", ["Le facteur chante faux, mais il a un joli timbre."], "timbre"),
    ("facteur", ["Le courrier arrive toujours en retard : c'est le facteur humain."], "facteur"),
    ("regle", ["En géométrie, la première règle, c'est d'avoir une règle graduée."], "règle"),
    ("ligne", ["Le pêcheur au régime surveille sa ligne."], "ligne"),
    ("fil", ["Le démineur hésite : couper le fil rouge ou passer un coup de fil à sa femme ?"], "fil"),
    ("echec", ["Kasparov a connu beaucoup d'échecs dans sa carrière."], "échecs"),
    ("pion", ["Au lycée, le surveillant joue aux échecs avec les élèves : normal, c'est un pion."], "pion"),
    ("maquereau", ["Le poissonnier de Pigalle ne vend que du maquereau."], "maquereau"),
    ("requin", ["Ce banquier est un vrai requin : il a les dents longues et nage en eaux troubles."],
     "requin"),
    ("loup", ["Au restaurant, le Petit Chaperon rouge a commandé un loup grillé au fenouil."], "loup"),
    ("chevre", ["Cette chèvre broute toute la journée au pré, elle finira en salade de chèvre chaud."],
     "chèvre"),
    ("dinde", ["Cette dinde naïve croyait qu'on l'invitait au réveillon de Noël."], "dinde"),
    ("pigeon", ["Il nourrit les pigeons sur la place, et un escroc l'a pris pour un pigeon."], "pigeon"),
    ("chat", ["Mon chat passe ses nuits sur internet : il adore les chats en ligne."], "chats"),
    ("taupe", ["L'espion infiltré creuse des galeries sous la pelouse : c'est une vraie taupe."], "taupe"),
    ("puce", ["On a implanté une puce électronique à mon chien, qui avait déjà des puces."], "puce"),
    ("tube", ["Ce chanteur fait de la pub pour le dentifrice : c'est son nouveau tube."], "tube"),
    ("tuyau", ["Le plombier m'a filé un bon tuyau."], "tuyau"),
    ("bidon", ["Ton histoire de panne d'essence, c'est du bidon : le bidon est plein !"], "bidon"),
    ("caisse", ["J'ai garé ma caisse devant la caisse du supermarché."], "caisse"),
    ("casserole", ["Il chante comme une casserole, alors ne le laisse pas faire la cuisine."], "casserole"),
    ("four", ["Sa pièce de théâtre sur les boulangers a fait un four."], "four"),
    ("couverture", ["L'agent infiltré dort sous sa couverture."], "couverture"),
    ("veste", ["Il a voulu draguer la vendeuse du rayon manteaux, il s'est pris une veste."], "veste"),
    ("lacet", ["Sur la route du col, il y a tellement de lacets qu'il faut savoir faire des nœuds."],
     "lacets"),
    ("greffe", ["Après sa greffe du cœur, le juge a déposé son dossier au greffe du tribunal."], "greffe"),
    ("interet", ["J'ai été banquier, mais j'ai perdu tout intérêt."], "intérêt"),
    ("liquide", ["Le serveur voulait être payé en liquide, alors je lui ai versé une bouteille d'eau."],
     "liquide"),
    ("espece", ["Au zoo, on paie en espèces."], "espèces"),
    ("bourse", ["L'étudiant a placé sa bourse à la Bourse, et les actions ont chuté."], "bourse"),
    ("marche", ["On a marché des kilomètres pour aller au marché acheter trois légumes."], "marché"),
    ("prix", ["Pour gagner ce concours, il a payé le prix fort."], "prix"),
    ("solde", ["Mon banquier m'a appelé : mon solde est en soldes."], "solde"),
    ("addition", ["Au restaurant du prof de maths, l'addition est toujours juste."], "addition"),
    ("operation", ["Le chirurgien était nul en maths : il a raté toutes ses opérations."], "opérations"),
    ("classe", ["Le nouveau prof est arrivé en smoking : il a vraiment la classe."], "classe"),
    ("etoile", ["Ce chef dort dehors, sous les étoiles du ciel : il a déjà trois étoiles au guide Michelin."],
     "étoiles"),
    ("vent", ["Il drague la présentatrice météo, mais il se prend toujours un vent."], "vent"),
    ("herbe", ["Mon voisin fume tellement d'herbe qu'il n'a plus besoin de tondeuse."], "herbe"),
    ("joint", ["Le plombier a changé le joint du robinet, puis il en a roulé un autre."], "joint"),
    ("bombe", ["La nouvelle démineuse est une vraie bombe."], "bombe"),
    ("but", ["Le but de ma vie ? Marquer un but en finale."], "but"),
    ("coupe", ["Pour la finale, le coiffeur des Bleus leur a fait une coupe du monde."], "coupe"),
    ("filet", ["Le pêcheur a attrapé un filet de saumon dans son filet."], "filet"),
    ("piste", ["L'inspecteur skieur suit toujours la bonne piste : la noire."], "piste"),
    ("essence", ["Le parfumeur est tombé en panne d'essence de rose."], "essence"),
    ("andouille", ["Espèce d'andouille, t'as mis la charcuterie au congélateur !"], "andouille"),
    ("truffe", ["Mon chien a une truffe incroyable : il trouve des truffes noires dans la forêt."], "truffe"),
    ("ble", ["Ce paysan se fait un blé fou avec son champ de blé."], "blé"),
    ("langue", ["Ma prof d'anglais me tire la langue."], "langue"),
    ("cote", ["En vacances sur la côte, il s'est cassé une côte en tombant de la falaise."], "côte"),
    ("veine", ["L'infirmière a trouvé la veine pour la perfusion du premier coup : quelle veine !"], "veine"),
    ("chantier", ["Ta chambre, c'est un vrai chantier : il ne manque que la grue et les ouvriers."],
     "chantier"),
    ("cirque", ["Tu n'es pas un clown, alors arrête ton cirque !"], "cirque"),
    ("cellule", ["Le biologiste en prison étudie sa cellule au microscope."], "cellule"),
    ("fils", ["L'électricien est un bon père : il a deux fils, un rouge et un bleu."], "fils"),
    ("voile", ["Pour son mariage en mer, la mariée a hissé son voile en haut du mât."], "voile"),
    ("physique", ["Mon prof de physique a un physique de mannequin."], "physique"),
    ("mode", ["Mon téléphone est toujours à la mode : il est tout le temps en mode avion."], "mode"),
    ("cuisiner",
     ["L'inspecteur a cuisiné le chef pendant trois heures, mais il n'a rien avoué sur la recette."],
     "cuisiné"),
    ("maux-sound", ["J'ai des maux de tête à force de faire des mots croisés."], "mots"),
    ("balade-sound", ["Pendant notre balade en forêt, il m'a chanté une ballade."], "balade"),
    ("chant-sound", ["Le fermier chante dans son champ : c'est un chant des champs."], "chant"),
    ("cygne-sound", ["Le cygne blanc sur le lac, c'est bon signe."], "signe"),
    ("patte-sound", ["Le chien a mis la patte dans les pâtes à la bolognaise."], "patte"),
    ("poids-sound", ["Pour perdre du poids, je mange des petits pois."], "poids"),
    ("lait-sound", ["La vache n'est pas laide, elle a juste trop de lait."], "lait"),
    ("autel-sound", ["Le curé ne s'est pas marié à l'autel, mais à l'hôtel."], "autel"),
    ("amende-sound", ["Le policier m'a collé une amende pour avoir mangé des amandes au volant."], "amende"),
    ("tache-sound", ["Ma tâche du jour : enlever la tache de vin sur la nappe."], "tâche"),
    ("datte-sound", ["Quelle est la date préférée du palmier ?", "La datte."], "date"),
    ("reine-sound", ["Le Père Noël a confié les rênes de son traîneau à la reine des rennes."], "reine"),
    ("phare-sound", ["La gardienne du phare met du fard à paupières tous les soirs."], "phare"),
    ("golf-sound", ["Les pétroliers jouent au golf dans le golfe Persique."], "golf"),
    ("malle-sound", ["Le mâle a caché sa femelle dans la malle du grenier."], "malle"),
    ("porc-sound", ["Le cochon a pris le ferry : on l'a retrouvé au port."], "port"),
    ("paix-sound", ["Fiche-moi la paix, tu as encore lâché un pet !"], "pet"),
    ("ancre-sound", ["Le marin a jeté l'ancre et le poulpe a jeté l'encre."], "ancre"),
    ("choeur-sound", ["Le chef de chœur chante avec tout son cœur."], "chœur"),
    ("canne-sound", ["La cane boite, elle a besoin d'une canne."], "canne"),
    ("coq-sound", ["Le coq chante sur la coque du bateau."], "coq"),
    ("mythe-sound", ["Ce pull plein de mites, c'est une légende : un vrai mythe."], "mythe"),
    ("riz-sound", ["Quand il a vu mon bol de riz brûlé, il a ri."], "riz"),
    ("pouls-sound", ["Le médecin a pris le pouls d'un patient qui avait des poux plein les cheveux."],
     "pouls"),
    ("foret-sound", ["Le bricoleur a perdu son foret dans la forêt."], "forêt"),
    ("pecheur-sound", ["Le curé a dit au pêcheur : va en paix, mon fils, tu n'as péché qu'une truite."],
     "pêcheur"),
    ("gene-sound", ["Ça me gêne de parler de mes gènes."], "gènes"),
    ("mat-sound", ["Le capitaine joue aux échecs sur le pont du voilier : échec et mât !"], "mât"),
    ("chene-sound", ["Ce vieux chêne regarde la chaîne de télé du voisin."], "chêne"),
    ("sceptique-sound", ["Le plombier est sceptique : il ne croit pas à la fosse septique."], "sceptique"),
    ("tique-sound", ["Mon chien a un tic nerveux depuis qu'il a attrapé une tique."], "tic"),
    ("balai-sound", ["La sorcière fait du ballet avec son balai."], "ballet"),
    ("cor-sound", ["Le musicien de l'orchestre joue du cor à corps perdu."], "corps"),
]


@pytest.mark.parametrize(("slug", "lines", "word"), JOKES, ids=[j[0] for j in JOKES])
def test_joke_is_flagged_on_its_word(slug: str, lines: list[str], word: str) -> None:
    found = puns(lines)
    rule = f"fr.pun.{slug}"
    assert any(f.rule_id == rule and f.text.lower() == word for f in found), [(f.text, f.rule_id) for f in found]


def test_pun_flag_names_both_senses() -> None:
    found = [f for f in puns(["Ce réalisateur adore le potager : il ne produit que des navets."])
             if f.rule_id == "fr.pun.navet"]
    assert found and found[0].gloss == "pun on 'navets': légume / film nul"


def test_sound_alike_names_its_other_spelling() -> None:
    found = [f for f in puns(["Le cochon a pris le ferry : on l'a retrouvé au port."]) if f.rule_id == "fr.pun.porc-sound"]
    assert [(f.label, f.text) for f in found] == [("homophone", "port")]
    assert found[0].gloss.startswith("sound-alike: 'port' / 'porc/porcs/ports/pore/pores'")


# -- plain lines: the word in its everyday sense is left alone ----------------------------------------

PLAIN = [
    ("greve", "Les cheminots sont en grève depuis lundi, il n'y a plus de trains."),
    ("fraise", "J'ai acheté des fraises pour faire une tarte."),
    ("vase", "Mets les roses dans le vase bleu sur la table."),
    ("somme", "Il a dû payer une somme énorme pour réparer la voiture."),
    ("palais", "Nous avons visité le palais du roi à Versailles."),
    ("raie", "Au restaurant, j'ai pris une aile de raie aux câpres."),
    ("bar", "On se retrouve au bar après le travail ?"),
    ("toile", "Le peintre a posé sa toile sur le chevalet."),
    ("memoire", "Ma grand-mère perd un peu la mémoire, elle oublie tout."),
    ("cle", "J'ai oublié mes clés sur la porte de l'appartement."),
    ("ampoule", "Il faut changer l'ampoule de la lampe du salon."),
    ("grenade", "Le soldat a lancé une grenade dans la tranchée."),
    ("mouche", "Il y a une mouche dans la cuisine, passe-moi la tapette."),
    ("vol", "Notre vol pour Montréal a trois heures de retard."),
    ("botte", "Mets tes bottes en caoutchouc, il pleut dehors."),
    ("tarte", "Ma grand-mère fait la meilleure tarte aux pommes du village."),
    ("patate", "Épluche les patates pour la purée, s'il te plaît."),
    ("prune", "Ma mère fait une excellente confiture de prunes."),
    ("pepin", "Crache les pépins de raisin dans l'assiette."),
    ("navet", "Mets des carottes et des navets dans le pot-au-feu."),
    ("nouille", "Ce soir, on mange des nouilles chinoises sautées aux légumes."),
    ("cornichon", "Tu veux des cornichons avec ton pâté ?"),
    ("poire", "Je vais faire une compote de poires pour le dessert."),
    ("banane", "Prends une banane pour ton goûter."),
    ("radis", "J'ai acheté une botte de radis et du beurre."),
    ("feve", "Ajoute des fèves et des petits pois dans la soupe."),
    ("timbre", "Il me faut un timbre pour envoyer cette lettre."),
    ("facteur", "Le facteur est passé ce matin avec un colis."),
    ("regle", "Il faut respecter les règles du jeu."),
    ("ligne", "Trace une ligne droite avec ton crayon."),
    ("fil", "Passe-moi une aiguille et du fil, je dois recoudre ce bouton."),
    ("echec", "Ce projet a été un échec cuisant pour toute l'équipe."),
    ("pion", "Aux échecs, il a sacrifié un pion pour prendre la reine."),
    ("maquereau", "On a mangé du maquereau grillé au barbecue."),
    ("requin", "Un requin a été aperçu près de la plage ce matin."),
    ("loup", "On a entendu hurler les loups dans la forêt."),
    ("chevre", "La chèvre broute l'herbe dans le pré."),
    ("dinde", "On mange une dinde farcie aux marrons pour Noël."),
    ("pigeon", "Il y a des pigeons partout sur la place de la mairie."),
    ("chat", "Le chat ronronne sur le canapé."),
    ("taupe", "Une taupe a encore creusé des trous dans la pelouse."),
    ("puce", "Le chien a attrapé des puces au chenil."),
    ("tube", "Le tube de dentifrice est vide."),
    ("tuyau", "Le tuyau d'arrosage est percé."),
    ("bidon", "Il a rempli un bidon d'essence pour la tondeuse."),
    ("caisse", "La caissière a ouvert une deuxième caisse au supermarché."),
    ("casserole", "Fais bouillir de l'eau dans la casserole pour les pâtes."),
    ("four", "Préchauffe le four à 180 degrés pour le gâteau."),
    ("couverture", "J'ai froid, passe-moi une couverture en laine."),
    ("veste", "Mets ta veste, il fait froid dehors."),
    ("lacet", "Refais tes lacets, tu vas tomber."),
    ("greffe", "Le patient attend une greffe de rein depuis deux ans."),
    ("interet", "Ce film n'a aucun intérêt, je me suis ennuyé."),
    ("liquide", "Le liquide vaisselle est sous l'évier."),
    ("espece", "Cette espèce d'oiseau est menacée de disparition."),
    ("bourse", "Les actions ont chuté à la Bourse de Paris."),
    ("marche", "Je vais au marché samedi acheter des légumes."),
    ("prix", "Les prix ont encore augmenté au supermarché."),
    ("solde", "En janvier, je fais les soldes pour acheter des vêtements."),
    ("addition", "Garçon, l'addition s'il vous plaît !"),
    ("operation", "L'opération du genou s'est bien passée, le chirurgien est content."),
    ("classe", "Il y a vingt-cinq élèves dans la classe de mon fils."),
    ("etoile", "Regarde, une étoile filante dans le ciel !"),
    ("vent", "Le vent souffle fort ce soir, il va y avoir une tempête."),
    ("herbe", "Les vaches broutent l'herbe dans le pré."),
    ("joint", "Il fumait un joint derrière le lycée."),
    ("bombe", "Les démineurs ont désamorcé la bombe à temps."),
    ("but", "Mon but, c'est de réussir mon examen."),
    ("coupe", "La France a gagné la Coupe du monde de football."),
    ("filet", "Le pêcheur répare son filet sur le quai."),
    ("piste", "L'inspecteur pense avoir une piste sérieuse dans cette enquête."),
    ("essence", "On doit s'arrêter pour faire le plein d'essence."),
    ("andouille", "En Bretagne, on mange de l'andouille de Guémené."),
    ("truffe", "Ce risotto aux truffes est délicieux."),
    ("ble", "Le champ de blé est prêt pour la moisson."),
    ("langue", "Elle parle quatre langues étrangères."),
    ("cote", "On passe nos vacances sur la côte Atlantique."),
    ("veine", "L'infirmière cherche une veine pour la prise de sang."),
    ("chantier", "Les ouvriers du chantier commencent à sept heures."),
    ("cirque", "On a emmené les enfants au cirque voir les clowns et les acrobates."),
    ("cellule", "Le suspect a passé la nuit en cellule au commissariat."),
    ("fils", "Mon fils aîné rentre de l'université ce week-end."),
    ("voile", "On fait de la voile sur le lac chaque été."),
    ("physique", "Le cours de physique et de chimie commence à huit heures."),
    ("mode", "Elle travaille dans la mode, elle dessine des robes."),
    ("cuisiner", "Ce soir, je vais cuisiner un plat de légumes."),
    ("maux-sound", "Il souffre de maux de ventre depuis hier soir."),
    ("balade-sound", "On a fait une belle balade à vélo dans la campagne."),
    ("chant-sound", "Le chant des oiseaux me réveille tous les matins."),
    ("cygne-sound", "Un cygne blanc nage sur le lac."),
    ("patte-sound", "Le chat s'est blessé à la patte arrière."),
    ("poids-sound", "Il a pris du poids pendant les vacances."),
    ("lait-sound", "Tu veux du lait dans ton café ?"),
    ("autel-sound", "Le prêtre allume les cierges sur l'autel de l'église."),
    ("amende-sound", "Il a reçu une amende pour excès de vitesse."),
    ("tache-sound", "Chacun doit accomplir sa tâche avant midi."),
    ("datte-sound", "Il mange des dattes et des figues séchées."),
    ("reine-sound", "La reine d'Angleterre est montée sur le trône en 1952."),
    ("phare-sound", "Le gardien du phare surveille la mer pendant la tempête."),
    ("golf-sound", "Il joue au golf tous les dimanches avec ses amis."),
    ("malle-sound", "On a trouvé une vieille malle pleine de photos au grenier."),
    ("porc-sound", "Il ne mange pas de porc, seulement du poulet."),
    ("paix-sound", "Les deux pays ont signé un traité de paix."),
    ("ancre-sound", "Le capitaine a ordonné de lever l'ancre."),
    ("choeur-sound", "Le chœur de l'église chante à la messe de Noël."),
    ("canne-sound", "Mon grand-père marche avec une canne."),
    ("coq-sound", "Le coq chante tous les matins dans la basse-cour."),
    ("mythe-sound", "Le mythe de Zeus et des dieux de l'Olympe."),
    ("riz-sound", "On mange du riz cantonais ce soir."),
    ("pouls-sound", "L'infirmière prend le pouls du malade."),
    ("foret-sound", "On s'est promenés dans la forêt au milieu des chênes."),
    ("pecheur-sound", "Le pêcheur a attrapé une grosse truite dans la rivière."),
    ("gene-sound", "Les chercheurs ont découvert un gène lié à cette maladie."),
    ("mat-sound", "Le marin a grimpé en haut du mât."),
    ("chene-sound", "Ce vieux chêne centenaire a une écorce épaisse."),
    ("sceptique-sound", "Je reste sceptique, je doute de son histoire."),
    ("tique-sound", "Attention aux tiques quand tu te promènes dans les hautes herbes."),
    ("balai-sound", "Passe un coup de balai dans la cuisine."),
    ("cor-sound", "Il joue du cor dans l'orchestre de la ville."),
]


@pytest.mark.parametrize(("slug", "line"), PLAIN, ids=[p[0] for p in PLAIN])
def test_plain_line_gets_no_pun_flag(slug: str, line: str) -> None:
    assert f"fr.pun.{slug}" in {rule for _text, rule in _entries_on(line)}  # the line uses the word
    assert ours([line]) == []


def test_every_entry_has_a_plain_line_and_most_a_joke() -> None:
    assert {f"fr.pun.{slug}" for slug, _line in PLAIN} == IDS
    assert len({slug for slug, _lines, _word in JOKES}) >= 80
    assert {f"fr.pun.{slug}" for slug, _lines, _word in JOKES} <= IDS


# -- ordinary dialogue: no pun flag from these entries ------------------------------------------------

SCENES = {
    "kitchen": [
        "Passe-moi la casserole, l'eau bout déjà.",
        "Tu peux mettre le poulet au four pendant une heure ?",
        "J'ai acheté des nouilles, du riz et des patates au supermarché.",
        "Il reste de la tarte aux fraises dans le frigo.",
        "Coupe les poireaux et les navets pour la soupe.",
        "Le lait est périmé, il faut en racheter.",
        "Mets un peu de sel et de thym dans la sauce.",
        "Les pâtes sont prêtes, tout le monde à table !",
    ],
    "office": [
        "La réunion est reportée, le directeur a un pépin avec son vol.",
        "Envoie-moi le dossier par mail avant midi.",
        "Les prix de nos fournisseurs ont augmenté de dix pour cent.",
        "J'ai une tâche urgente à terminer pour le client.",
        "Le facteur a déposé trois colis à l'accueil.",
        "On a signé le contrat, le marché est conclu.",
        "Mon solde de congés est presque épuisé.",
        "Le nouveau stagiaire montre beaucoup d'intérêt pour le projet.",
    ],
    "family": [
        "Mon fils a perdu sa première dent de lait hier soir.",
        "Ta grand-mère a besoin de sa canne pour marcher.",
        "Les enfants, mettez vos bottes et vos vestes, on sort.",
        "Le chat a encore dormi sur la couverture du bébé.",
        "Ta sœur entre en classe de troisième cette année.",
        "On fera une balade en forêt dimanche s'il fait beau.",
        "Ton père a mal au dos, il ne peut pas porter les courses.",
        "Range tes affaires et lave-toi les dents avant d'aller au lit.",
    ],
    "police": [
        "Le suspect a été placé en cellule pour la nuit.",
        "On a retrouvé le corps près du port, à côté des docks.",
        "Le vol a eu lieu vers minuit, le voleur est entré par la fenêtre.",
        "L'inspecteur suit une nouvelle piste, un témoin l'a reconnu.",
        "On a trouvé une bombe artisanale dans le coffre de la voiture.",
        "Il a payé la chambre d'hôtel en espèces, sous un faux nom.",
        "Les agents ont fouillé l'appartement, il y avait de l'herbe et des joints partout.",
        "L'opération de police a commencé à l'aube.",
    ],
    "news": [
        "La grève des cheminots paralyse le trafic dans toute la France.",
        "Le président a reçu ses homologues au palais de l'Élysée.",
        "Les actions ont chuté à la Bourse de Paris après l'annonce.",
        "La tempête a provoqué des vents violents sur la côte bretonne.",
        "Le prix Nobel de la paix a été attribué à une militante.",
        "L'équipe de France a marqué trois buts et remporté la coupe.",
        "Un requin a été aperçu au large de la Réunion.",
        "Les agriculteurs craignent une mauvaise récolte de blé cette année.",
    ],
}


@pytest.mark.parametrize("scene", sorted(SCENES))
def test_ordinary_dialogue_gets_no_pun_flag(scene: str) -> None:
    lines = SCENES[scene]
    assert ours(lines) == []  # the scene as one exchange: each line is context for its neighbours
    for line in lines:
        assert ours([line]) == [], line


def test_a_real_french_film_gets_no_pun_flag_from_these_entries() -> None:
    """A film's French subtitles (a comedy, but without calembours on these words): some 70 of its lines use a
    word of this file, none of them as a pun."""
    path = CORPORA / "subtitles" / "pysrt" / "utf-8.srt"
    if not path.is_file():
        pytest.skip("../shared/corpora is absent")
    from locpipe.formats import load

    transcript = detect(load(path), lang="fr", kinds="humor")
    assert [(f.segment, f.text, f.rule_id) for f in transcript.flags if f.rule_id in IDS] == []
