"""The Spanish varieties part of the dialect lexicon (locpipe/lexicons/es/dialect-varieties.jsonl): Mexico,
Río de la Plata, Chile, Colombia, Venezuela, the Caribbean, Peru, Central America, Andalusia, the Canaries,
Spain's youth slang, non-standard grammar and eye-dialect. Every entry flags a line of dialogue that uses it;
an entry on a word with an ordinary sense leaves that sense alone; everyday standard Spanish gets none."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("spacy")

from test_detect_support import flags_of, make_transcript  # noqa: E402

from locpipe.detect import detect, get_nlp  # noqa: E402
from locpipe.detect.lexicon import PACKAGE_LEXICONS, load_lexicon  # noqa: E402

KINDS = "dialect,slang,profanity,register"
PATH = PACKAGE_LEXICONS / "es" / "dialect-varieties.jsonl"
NEW = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
NEW_IDS = {entry["id"] for entry in NEW}
VARIETIES = {
    "Spain", "Mexico", "Argentina", "Uruguay", "Chile", "Colombia", "Venezuela", "Caribbean", "Cuba", "Puerto Rico",
    "Dominican Republic", "Peru", "Central America", "Andalusian", "Canary Islands", "General",
}


def _flag_ids(line: str) -> set[str]:
    return {rule for _seg, _label, _text, rule in flags_of(detect(make_transcript([line], lang="es"), kinds=KINDS))}


def _span_ids(line: str) -> set[str]:
    doc = get_nlp("es")(line)
    return {span.id_ for spans in doc.spans.values() for span in spans}


# entry id -> a line of dialogue that must get it
POSITIVE = {
    # Mexico
    "es.dialect.que-pedo": "¿Qué pedo, güey? ¿Dónde andabas?",
    "es.dialect.no-hay-pedo": "Tranquilo, no hay pedo, yo pago.",
    "es.dialect.ni-modo": "Perdimos el partido. Ni modo.",
    "es.dialect.chava": "Esa chava me gusta mucho.",
    "es.dialect.chavo": "Ese chavo es mi primo.",
    "es.dialect.morra": "Mi morra me dejó por otro.",
    "es.dialect.guero": "Oye, güera, ¿me pasas la sal?",
    "es.dialect.chamaco": "Ese chamaco no deja de llorar.",
    "es.dialect.escuincle": "Los escuincles rompieron la ventana.",
    "es.dialect.que-oso": "Me caí enfrente de todos. ¡Qué oso!",
    "es.dialect.aguas": "¡Aguas con el perro, que muerde!",
    "es.dialect.valer-madre": "A mí me vale madre lo que digan.",
    "es.dialect.chale": "Chale, se me olvidó la cartera.",
    "es.dialect.hijole": "Híjole, ya es muy tarde.",
    "es.dialect.a-poco": "¿A poco te vas a ir sin despedirte?",
    "es.dialect.ya-merito": "Ya merito llegamos, aguanta.",
    "es.dialect.buena-onda": "Tu hermano es bien buena onda.",
    "es.dialect.quiubo": "¡Quiubo! ¿Cómo te fue?",
    "es.dialect.apapachar": "Ven acá, déjame apapacharte un rato.",
    "es.dialect.chingadera": "¿Qué es esta chingadera?",
    "es.dialect.pendejada": "Deja de decir pendejadas.",
    "es.dialect.joto": "No le digas joto, es un insulto.",
    "es.dialect.nomas": "Nomás quería saber si estabas bien.",
    "es.dialect.ahuevo": "¿Vienes a la fiesta? ¡Ahuevo!",
    # Río de la Plata
    "es.dialect.boludez": "No te enojes por esa boludez.",
    "es.dialect.ni-un-mango": "Estoy sin un mango hasta fin de mes.",
    "es.dialect.afanar": "Me afanaron el celular en el subte.",
    "es.dialect.yuta": "Cuidado, que viene la yuta.",
    "es.dialect.trucho": "Ese billete es trucho.",
    "es.dialect.cheto": "Se fue a vivir a un barrio cheto.",
    "es.dialect.piola": "Tu viejo es re piola.",
    "es.dialect.que-macana": "¿No venís a la cena? ¡Qué macana!",
    "es.dialect.al-pedo": "Estuve todo el día al pedo.",
    "es.dialect.en-pedo": "Anoche llegó en pedo a la casa.",
    "es.dialect.mira-vos": "¿Se casó Juan? Mirá vos.",
    "es.dialect.boliche": "Esta noche vamos al boliche.",
    "es.dialect.pucho": "Dame un pucho, que me quedé sin.",
    "es.dialect.groso": "Messi es un groso.",
    "es.dialect.chamuyo": "No me vengas con ese chamuyo.",
    "es.dialect.gil": "No seas gil, te están mintiendo.",
    "es.dialect.heladera": "Hay cerveza en la heladera.",
    "es.dialect.pileta": "Los chicos están en la pileta.",
    "es.dialect.voseo-verb-form-more": "¿Qué pensás hacer mañana?",
    "es.dialect.la-puta-que-te-pario": "¡La puta que te parió, me asustaste!",
    "es.dialect.orto": "¡Qué orto tuviste con ese gol!",
    "es.dialect.bo": "Pará, bo, no te vayas.",
    "es.dialect.guri": "El gurí está jugando afuera.",
    "es.dialect.la-puta-madre": "¡La puta madre, otra vez no!",
    # Chile
    "es.dialect.al-tiro": "Voy al tiro, espérame.",
    "es.dialect.cachar": "¿Cachaste lo que te dije?",
    "es.dialect.wea": "¿Qué es esta weá?",
    "es.dialect.huevada": "No digas huevadas.",
    "es.dialect.weona": "Oye, weona, ¿vamos a la playa?",
    "es.dialect.harto": "Había harta gente en la fiesta.",
    "es.dialect.cuatico": "Fue cuático lo que pasó anoche.",
    "es.dialect.la-raja": "Ese concierto estuvo la raja.",
    "es.dialect.pucha": "Pucha, se me quedaron las llaves.",
    "es.dialect.copete": "Vamos a tomar un copete después del trabajo.",
    "es.dialect.pololear": "Están pololeando hace dos años.",
    "es.dialect.chucha": "¡Chucha, se me cayó el teléfono!",
    "es.dialect.cuico": "Es un barrio muy cuico.",
    # Colombia
    "es.dialect.una-chimba": "Esa moto está una chimba.",
    "es.dialect.camellar": "Me toca camellar todo el fin de semana.",
    "es.dialect.berraco": "Ese man es un berraco para el fútbol.",
    "es.dialect.si-o-que": "Está buenísimo, ¿sí o qué?",
    "es.dialect.hagale": "¿Vamos a cine? Hágale, pues.",
    "es.dialect.nero": "Unos ñeros me robaron la billetera.",
    "es.dialect.pola": "Vamos por unas polas.",
    "es.dialect.paila": "Se nos fue el bus. Estamos paila.",
    "es.dialect.embarrarla": "La embarré con mi novia.",
    "es.dialect.gomelo": "Ese gomelo nunca ha trabajado.",
    "es.dialect.sapear": "No me vayas a sapear con el profe.",
    "es.dialect.rumbear": "Esta noche nos vamos a rumbear.",
    "es.dialect.malparido": "¡Ese malparido me robó!",
    "es.dialect.hijueputa": "¡Jueputa, qué susto!",
    "es.dialect.juepucha": "¡Juepucha, se me olvidó!",
    "es.dialect.me-regala": "¿Me regala un tinto, por favor?",
    "es.dialect.sumerce": "¿Sumercé qué va a tomar?",
    # Venezuela
    "es.dialect.chama": "Esa chama es mi prima.",
    "es.dialect.burda": "Esa película está burda de buena.",
    "es.dialect.ladilla": "¡Qué ladilla tener que esperar!",
    "es.dialect.mamaguevo": "¡Ese mamagüevo me debe plata!",
    "es.dialect.sifrino": "Se cree muy sifrino.",
    "es.dialect.pajuo": "No seas pajúo, chamo.",
    "es.dialect.epale": "¡Épale! ¿Cómo estás?",
    "es.dialect.coroto": "Recoge tus corotos y vete.",
    "es.dialect.cotufas": "Compramos cotufas para ver la película.",
    "es.dialect.arrechera": "Me dio una arrechera cuando lo vi.",
    "es.dialect.panita": "Ese es mi panita del barrio.",
    "es.dialect.marico": "Marico, ¿viste eso?",
    # Cuba, Puerto Rico, Dominican Republic, Caribbean
    "es.dialect.acere": "¿Qué bolá, acere?",
    "es.dialect.yuma": "Ese yuma no habla español.",
    "es.dialect.que-vola": "¡Qué volá, mi hermano!",
    "es.dialect.pinga": "¡Qué pinga, se fue la luz otra vez!",
    "es.dialect.singao": "¡Ese singao me robó la bicicleta!",
    "es.dialect.wepa": "¡Wepa! ¡Ganamos!",
    "es.dialect.janguear": "Vamos a janguear esta noche.",
    "es.dialect.bochinche": "No me vengas con bochinches.",
    "es.dialect.zafacon": "Tira eso al zafacón.",
    "es.dialect.cangri": "Él se cree el cangri del barrio.",
    "es.dialect.puneta": "¡Puñeta, se me olvidó!",
    "es.dialect.tiguere": "Ese tíguere sabe cómo moverse.",
    "es.dialect.un-chin": "Dame un chin de arroz.",
    "es.dialect.que-lo-que": "¿Qué lo que, loco?",
    "es.dialect.yipeta": "Se compró una yipeta nueva.",
    "es.dialect.pariguayo": "No seas pariguayo, ve a bailar.",
    "es.dialect.manin": "Tranquilo, manín.",
    "es.dialect.mas-nada": "No quiero saber más nada de ti.",
    "es.dialect.que-tu-quieres": "¿Qué tú quieres que yo haga?",
    # Peru
    "es.dialect.pata": "Él es mi pata, lo conozco desde el colegio.",
    "es.dialect.jerma": "Voy a salir con mi jerma.",
    "es.dialect.pituco": "Se fue a un colegio pituco.",
    "es.dialect.que-pina": "Perdí el bus otra vez. ¡Qué piña!",
    "es.dialect.asu-mare": "¡Asu mare, qué caro!",
    "es.dialect.roche": "¡Qué roche, me vio todo el mundo!",
    "es.dialect.palta": "Un pan con palta, por favor.",
    "es.dialect.tombo": "Ahí vienen los tombos.",
    "es.dialect.huachafo": "Ese vestido es muy huachafo.",
    "es.dialect.al-toque": "Vuelvo al toque.",
    "es.dialect.conchatumadre": "¡Conchatumadre, me chocaron el carro!",
    "es.dialect.pe": "Ya pe, apúrate.",
    # Central America
    "es.dialect.mae": "Diay, mae, ¿qué hacemos?",
    "es.dialect.pura-vida": "¡Pura vida, mae!",
    "es.dialect.tuanis": "Esa playa está tuanis.",
    "es.dialect.chunche": "Pásame ese chunche.",
    "es.dialect.cipote": "Los cipotes están en la escuela.",
    "es.dialect.maje": "Mirá, maje, no te metás.",
    "es.dialect.diay": "Diay, ¿qué le vamos a hacer?",
    "es.dialect.brete": "Mañana tengo brete temprano.",
    "es.dialect.cerote": "¡Ese cerote me las va a pagar!",
    "es.dialect.puchica": "¡Púchica, qué calor!",
    # Andalusia
    "es.dialect.miarma": "Ay, miarma, qué bonita estás.",
    "es.dialect.malaje": "No seas malaje y ríete un poco.",
    "es.dialect.pecha": "Había una pechá de gente en la feria.",
    "es.dialect.carajote": "¡Qué carajote eres, niño!",
    "es.dialect.esaborio": "Mira que eres esaborío.",
    "es.dialect.jartible": "Ese hombre es un jartible.",
    "es.dialect.ozu": "¡Ozú, qué calor hace!",
    "es.dialect.churumbel": "Tiene tres churumbeles.",
    "es.dialect.mi-mare": "Mi mare me va a matar.",
    "es.dialect.ustedes-vosotros-verb": "¿Ustedes os vais ya?",
    # Canary Islands
    "es.dialect.chacho": "¡Chacho, qué susto me diste!",
    "es.dialect.fos": "¡Fos, qué peste!",
    "es.dialect.nos-canario": "¡Ños, qué grande!",
    "es.dialect.machango": "Deja de hacer el machango.",
    "es.dialect.naife": "Mi abuelo siempre lleva su naife.",
    "es.dialect.un-fleje": "Tengo un fleje de trabajo.",
    # Spain
    "es.dialect.bro": "Tranqui, bro, yo te ayudo.",
    "es.dialect.cringe": "Ese vídeo me da cringe.",
    "es.dialect.renta": "No me renta ir hasta allí.",
    "es.dialect.bocachancla": "Eres un bocachancla, se lo has contado a todos.",
    "es.dialect.postureo": "Eso es puro postureo.",
    "es.dialect.petarlo": "El grupo lo está petando en las redes.",
    "es.dialect.crack": "Eres un crack, tío.",
    "es.dialect.chorrada": "Deja de decir chorradas.",
    "es.dialect.pibon": "Su novia es un pibón.",
    "es.dialect.buenorro": "Tu vecino está buenorro.",
    "es.dialect.finde": "¿Qué haces este finde?",
    "es.dialect.rayarse": "No te rayes, que no pasa nada.",
    "es.dialect.putada": "¡Qué putada, han cancelado el concierto!",
    "es.dialect.conazo": "Esta clase es un coñazo.",
    "es.dialect.mecaguen": "¡Mecagüen la mar, qué frío!",
    "es.dialect.acojonante": "El final de la peli es acojonante.",
    "es.dialect.descojonarse": "Me descojono con tu hermano.",
    "es.dialect.hijoputa": "¡Ese hijoputa me ha rayado el coche!",
    "es.dialect.punetero": "El puñetero coche no arranca.",
    "es.dialect.vuestra-merced": "¿Desea vuestra merced algo más?",
    # General: vulgar, eye-dialect, non-standard grammar, register
    "es.dialect.cagarla": "La cagué en el examen.",
    "es.dialect.cagada": "Fue una cagada dejarlo solo.",
    "es.dialect.cagon": "No seas cagón y salta.",
    "es.dialect.jodio": "Está jodío el asunto.",
    "es.dialect.palante": "Hay que seguir pa'lante.",
    "es.dialect.patras": "Echa el coche patrás.",
    "es.dialect.paca-palla": "Ven pa'cá, niño.",
    "es.dialect.ta-bien": "Ta bien, ya voy.",
    "es.dialect.verda": "Está rico, ¿verdá?",
    "es.dialect.na-accent": "No pasa ná, tranquilo.",
    "es.dialect.ado-ao": "Estoy enamorao de ti.",
    "es.dialect.ido-io": "Me he perdío otra vez.",
    "es.dialect.haiga": "No creo que haiga nadie en casa.",
    "es.dialect.preterite-stes": "¿Por qué no me lo dijistes?",
    "es.dialect.naide": "Aquí no vino naide.",
    "es.dialect.uste": "¿Y usté qué quiere?",
    "es.dialect.usted-family": "Mamá, ¿usted quiere café?",
}

# (entry id, a line with the word or phrase in its ordinary sense, or the standard construction next to it)
ORDINARY = [
    ("es.dialect.que-pedo", "¡Qué pedo llevabas anoche!"),
    ("es.dialect.ni-modo", "No había ni modo de saberlo."),
    ("es.dialect.chavo", "No tengo ni un chavo."),
    ("es.dialect.chavo", "Veíamos El Chavo del Ocho de niños."),
    ("es.dialect.que-oso", "¡Qué oso tan grande hay en el zoo!"),
    ("es.dialect.aguas", "Las aguas del río están contaminadas."),
    ("es.dialect.aguas", "¡Aguas termales a diez minutos!"),
    ("es.dialect.valer-madre", "Ya vale, madre, no grites."),
    ("es.dialect.chale", "Se compraron un chalé en la sierra."),
    ("es.dialect.a-poco", "Llegó a poco de empezar la reunión."),
    ("es.dialect.a-poco", "¿A poco de salir ya te cansaste?"),
    ("es.dialect.buena-onda", "La onda expansiva rompió los cristales."),
    ("es.dialect.buena-onda", "Es una buena onda de radio para escuchar música."),
    ("es.dialect.ni-un-mango", "Compré un mango y dos peras."),
    ("es.dialect.ni-un-mango", "Sujeta la sartén por el mango."),
    ("es.dialect.afanar", "Se afanó en terminar el trabajo a tiempo."),
    ("es.dialect.piola", "Ata el paquete con una piola."),
    ("es.dialect.en-pedo", "Se tiró un pedo en el ascensor."),
    ("es.dialect.gil", "Gil Pérez es el nuevo director."),
    ("es.dialect.voseo-verb-form-more", "¿Qué piensas hacer mañana?"),
    ("es.dialect.voseo-verb-form-more", "Para el coche aquí."),
    ("es.dialect.bo", "Bo Derek salía en esa película."),
    ("es.dialect.la-puta-madre", "Es una película de puta madre."),
    ("es.dialect.al-tiro", "Fuimos al tiro con arco."),
    ("es.dialect.al-tiro", "El disparo dio al tiro de la chimenea."),
    ("es.dialect.cachar", "El cuchillo tiene la cacha de madera."),
    ("es.dialect.harto", "Estoy harto de tus mentiras."),
    ("es.dialect.harto", "Me tienes harta."),
    ("es.dialect.harto", "Ya estoy harta, harta de todo."),
    ("es.dialect.la-raja", "Dame una raja de melón."),
    ("es.dialect.la-raja", "La raja de la falda es muy alta."),
    ("es.dialect.copete", "Se peinó el copete con gomina."),
    ("es.dialect.copete", "Le cortó el pelo del copete."),
    ("es.dialect.copete", "Estoy hasta el copete de tus quejas."),
    ("es.dialect.hagale", "Hágale caso a su madre."),
    ("es.dialect.pola", "Vive en Pola de Siero."),
    ("es.dialect.paila", "Pon la paila al fuego."),
    ("es.dialect.embarrarla", "El perro embarró toda la alfombra."),
    ("es.dialect.me-regala", "Mi abuela me regala un libro cada Navidad."),
    ("es.dialect.burda", "Es una copia burda del original."),
    ("es.dialect.burda", "Fue una mentira burda."),
    ("es.dialect.ladilla", "El médico dijo que tenía ladillas."),
    ("es.dialect.yuma", "Nos vemos en Yuma, Arizona."),
    ("es.dialect.un-chin", "Vamos a hacer un chin chin por los novios."),
    ("es.dialect.mas-nada", "No quiero nada más."),
    ("es.dialect.mas-nada", "Lo que más me gusta es nadar."),
    ("es.dialect.que-tu-quieres", "¿Por qué tú siempre llegas tarde?"),
    ("es.dialect.que-tu-quieres", "Es más alto que tú."),
    ("es.dialect.que-tu-quieres", "¿Cómo, tú también?"),
    ("es.dialect.que-tu-quieres", "Dime qué tú y yo vamos a hacer."),
    ("es.dialect.pata", "El perro tiene una pata rota."),
    ("es.dialect.pata", "Compramos un jamón de pata negra."),
    ("es.dialect.pata", "Metió la pata otra vez."),
    ("es.dialect.que-pina", "¡Qué piña tan dulce!"),
    ("es.dialect.roche", "Trabaja en Roche, la farmacéutica."),
    ("es.dialect.al-toque", "Se levantaron al toque de diana."),
    ("es.dialect.pe", "Lo sabe todo de pe a pa."),
    ("es.dialect.pe", "Se escribe con pe."),
    ("es.dialect.mae", "Mae Holland trabaja en una empresa de internet."),
    ("es.dialect.pura-vida", "El agua es pura vida."),
    ("es.dialect.brete", "Me pusiste en un brete."),
    ("es.dialect.ustedes-vosotros-verb", "¿Ustedes se van ya?"),
    ("es.dialect.un-fleje", "Sujeta la caja con un fleje metálico."),
    ("es.dialect.renta", "La renta del piso sube cada año."),
    ("es.dialect.renta", "Me renta un cuarto en su casa."),
    ("es.dialect.petarlo", "Se le petó la rueda en la autopista."),
    ("es.dialect.crack", "El crack del 29 arruinó a mi abuelo."),
    ("es.dialect.rayarse", "No rayes la mesa con el cuchillo."),
    ("es.dialect.rayarse", "Me rayaste el coche."),
    ("es.dialect.cagarla", "Me cago en la leche."),
    ("es.dialect.cagada", "Había una cagada de paloma en el coche."),
    ("es.dialect.cagada", "Pisé una cagada en la calle."),
    ("es.dialect.ado-ao", "El barco llegó al Callao."),
    ("es.dialect.usted-family", "Señor, ¿usted quiere café?"),
    ("es.dialect.usted-family", "Usted no es mi madre."),
    ("es.dialect.vuestra-merced", "Fue vuestra decisión, no la mía."),
]

#: everyday standard Spanish (news, kitchen, office, family, police procedural), many lines with a word some
#: entry above takes in another sense: none of them gets a new entry
EVERYDAY = [
    "El Gobierno aprobó ayer los presupuestos para el próximo año.",
    "Las lluvias torrenciales han inundado varias calles del centro.",
    "El presidente viajará mañana a Bruselas para la cumbre europea.",
    "La bolsa cerró con una caída del dos por ciento.",
    "Una onda expansiva rompió los cristales de tres edificios.",
    "El crack del 29 arruinó a miles de familias.",
    "Los bomberos tardaron dos horas en apagar el incendio.",
    "La renta media de los hogares ha subido este año.",
    "Pela la piña y córtala en trozos pequeños.",
    "Echa un chorro de aceite y una pizca de sal.",
    "Necesito una raja de limón para el té.",
    "La carne todavía está cruda por dentro.",
    "¿Queda leche en la nevera o compro más?",
    "Pon el agua a hervir y añade la pasta.",
    "Compré aguacates, plátanos y un mango maduro.",
    "La sartén se agarra por el mango, no por el borde.",
    "La reunión empieza a las nueve en la sala grande.",
    "Mándame el informe antes del viernes, por favor.",
    "El jefe quiere hablar contigo después de comer.",
    "No hay modo de abrir este archivo.",
    "Ya vale de excusas, hay que entregar el proyecto.",
    "Llegó a poco de empezar la presentación.",
    "Mi padre siempre llega tarde a las cenas.",
    "Tu madre ha llamado tres veces esta tarde.",
    "Mamá, ¿me dejas ir al cine con Lucía?",
    "Los niños están jugando en el jardín con el perro.",
    "El perro se ha hecho daño en una pata.",
    "A mi abuelo le encanta pescar en el río.",
    "Estoy harta de que nadie friegue los platos.",
    "Me tienes harto con tanta pregunta.",
    "Mi hermano tiene un oso de peluche enorme.",
    "Vimos un oso pardo en el parque natural.",
    "Vamos a hacer un chin chin por los abuelos.",
    "Ponte el abrigo, que hace frío.",
    "¿Tú qué quieres para cenar?",
    "¿Por qué tú siempre llegas tarde?",
    "No quiero nada más, gracias.",
    "La víctima recibió un tiro en el pecho.",
    "El sospechoso huyó en un coche robado.",
    "Comprueben las cámaras de seguridad del banco.",
    "El detective leyó el informe de la autopsia.",
    "Se levantaron al toque de diana.",
    "Señor, ¿usted vio algo esa noche?",
    "Tenemos una orden de registro para el piso.",
    "El forense encontró restos de barro en las botas.",
    "Las aguas del río arrastraron el cuerpo.",
    "Le pusieron en un brete con esa pregunta.",
    "El testigo dijo que el coche era de color gris.",
    "La copia de la llave era muy burda.",
    "Es más alto que tú y corre más rápido.",
    "El agua es pura vida para estas plantas.",
    "Para el coche aquí, por favor.",
    "Cuando llegues, dale recuerdos a tu familia.",
    "Gil Pérez es el nuevo director del museo.",
    "Se peinó el copete antes de salir.",
    "No tengo ni un euro en la cartera.",
    "La vaca malparió anoche en el establo.",
    "Lola y Paco se casan en junio.",
    "Veo que estás cansado, ¿quieres descansar?",
    "Se escribe con pe de Pamplona.",
]


def test_every_new_entry_has_a_dialogue_line_and_its_fields() -> None:
    assert set(POSITIVE) == NEW_IDS
    by_id = load_lexicon("es").by_id
    for entry in NEW:
        assert by_id[entry["id"]]["_path"].endswith("dialect-varieties.jsonl"), entry["id"]
        assert entry["variety"] in VARIETIES, entry["id"]
        assert len(entry["gloss"]) <= 120, entry["id"]
        if entry["kind"] == "profanity":
            assert entry["label"] == "profanity" and entry["strength"] in ("mild", "moderate", "strong"), entry["id"]
        if entry["label"] == "address":
            assert entry["formality"] in ("T", "V"), entry["id"]


def test_no_new_pattern_repeats_an_entry_of_the_dialect_lexicon() -> None:
    old = (PACKAGE_LEXICONS / "es" / "dialect.jsonl").read_text(encoding="utf-8").splitlines()
    seen = {json.dumps(json.loads(line)["pattern"], ensure_ascii=False).lower() for line in old if line.strip()}
    for entry in NEW:
        assert json.dumps(entry["pattern"], ensure_ascii=False).lower() not in seen, entry["id"]


@pytest.mark.parametrize(("entry", "line"), sorted(POSITIVE.items()), ids=sorted(POSITIVE))
def test_entry_flags_its_dialogue_line(entry: str, line: str) -> None:
    assert entry in _flag_ids(line)


@pytest.mark.parametrize(("entry", "line"), ORDINARY, ids=[f"{e}:{line[:24]}" for e, line in ORDINARY])
def test_entry_leaves_the_ordinary_sense_alone(entry: str, line: str) -> None:
    assert entry not in _span_ids(line)
    assert entry not in _flag_ids(line)


def test_everyday_standard_spanish_gets_none_of_the_new_entries() -> None:
    flags = flags_of(detect(make_transcript(EVERYDAY, lang="es"), kinds=KINDS))
    assert [flag for flag in flags if flag[3] in NEW_IDS] == []
    assert [(line, found) for line in EVERYDAY for found in _span_ids(line) & NEW_IDS] == []


@pytest.mark.parametrize(("line", "text", "entry"), [
    # the words around the marked use are matched but not flagged ("_context": true)
    ("¡Aguas con el perro!", "Aguas", "es.dialect.aguas"),
    ("Había harta gente.", "harta", "es.dialect.harto"),
    ("Fue una cagada dejarlo solo.", "cagada", "es.dialect.cagada"),
    ("Es un barrio muy cheto.", "cheto", "es.dialect.cheto"),
    ("Él es mi pata, lo conozco desde niño.", "pata", "es.dialect.pata"),
    # a longer entry wins over the words it contains
    ("¡La puta madre, otra vez no!", "La puta madre", "es.dialect.la-puta-madre"),
    ("¿Se casó Juan? Mirá vos.", "Mirá vos", "es.dialect.mira-vos"),
])
def test_flag_text(line: str, text: str, entry: str) -> None:
    flags = flags_of(detect(make_transcript([line], lang="es"), kinds=KINDS))
    assert (text, entry) in [(found, rule) for _seg, _label, found, rule in flags]
