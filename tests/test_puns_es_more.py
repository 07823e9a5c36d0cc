"""More Spanish pun-prone words (locpipe/lexicons/es/puns-more.jsonl): common words with two clearly
different senses and sound-alikes that Spanish chistes play on.

A joke on each word (a one-liner or a two-line exchange) is flagged on that word by its entry; the word
in its everyday sense is not, and neither are ordinary lines of dialogue (kitchen, office, family, a
police procedural, the news) that use these words in passing."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("spacy")

from test_detect_support import flags_of, make_transcript  # noqa: E402

from locpipe.detect import detect  # noqa: E402
from locpipe.detect.lexicon import PACKAGE_LEXICONS, load_lexicon  # noqa: E402

FILE = PACKAGE_LEXICONS / "es" / "puns-more.jsonl"
ENTRIES = [json.loads(line) for line in FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
IDS = {entry["id"] for entry in ENTRIES}


def puns(lines: str | list[str]) -> list[tuple[str, str, str, str]]:
    """(segment, label, text, rule) of the pun and sound-alike flags on a line or consecutive lines."""
    transcript = detect(make_transcript([lines] if isinstance(lines, str) else lines, lang="es"), kinds="humor")
    return [flag for flag in flags_of(transcript) if flag[1] in ("pun", "homophone")]


def ours(lines: str | list[str]) -> list[tuple[str, str, str, str]]:
    """The pun flags raised by this file's entries."""
    return [flag for flag in puns(lines) if flag[3] in IDS]


def _forms(entry: dict) -> list[str]:
    """The forms a pun entry's pattern writes: the template, or its tokens' LOWER values."""
    if isinstance(entry["pattern"], str):
        return [entry["pattern"]]
    forms: list[str] = []
    for token in entry["pattern"]:
        lower = token.get("LOWER")
        forms += lower.get("IN", []) if isinstance(lower, dict) else [lower] if isinstance(lower, str) else []
    return forms


def test_entries_are_new_words_with_full_senses() -> None:
    assert len(ENTRIES) >= 110
    lexicon = load_lexicon("es")
    assert len(IDS) == len(ENTRIES)
    others = [e for e in lexicon.entries("puns") if e["id"] not in IDS]
    taken = {form.lower() for e in others for form in _forms(e) + e.get("sounds_like", [])}
    for entry in ENTRIES:
        assert entry["id"].startswith("es.pun.") and entry["id"] in lexicon.by_id
        forms = entry["pattern"][0]["LOWER"]["IN"]
        assert len(entry["pattern"]) == 1 and forms, entry["id"]  # the word's own forms only
        assert not {f.lower() for f in forms} & taken, entry["id"]  # no word another pun entry has
        assert entry["label"] in ("pun", "homophone")
        assert (entry["label"] == "homophone") == bool(entry.get("sounds_like")), entry["id"]
        assert len(entry["senses"]) >= 2, entry["id"]
        for sense in entry["senses"]:
            assert 15 <= len(sense["context"]) <= 40, (entry["id"], sense["sense"])
            assert len(set(sense["context"])) == len(sense["context"]), (entry["id"], sense["sense"])
        words = [{w.lower() for w in s["context"]} for s in entry["senses"]]
        for k, one in enumerate(words):
            assert not one & {f.lower() for f in forms}, entry["id"]  # the word itself evokes no sense
            for other in words[k + 1:]:
                assert not one & other, (entry["id"], sorted(one & other))  # a word of two senses says nothing


#: (entry, joke, the word flagged): the joke is flagged on that word by that entry
JOKES = [
    ("bomba", "¿Qué hace un artificiero en la gasolinera? Desactivar la bomba.", "bomba"),
    ("cartera", "El carterista le robó la cartera al ministro.", "cartera"),
    ("pico", "¿Qué le dijo el alpinista al pájaro? Nos vemos en el pico.", "pico"),
    ("tabla", "El surfista suspendió matemáticas porque solo se sabía una tabla.", "tabla"),
    ("bateria", "El baterista se quedó sin batería en el móvil.", "batería"),
    ("caja", "El cajero del supermercado acabó en una caja de pino.", "caja"),
    ("canal", "El gondolero de Venecia cambió de canal.", "canal"),
    ("cadena", "El presentador de televisión fue condenado a cadena perpetua.", "cadena"),
    ("camara", "El fotógrafo entró en política y acabó en la Cámara de los Diputados.", "cámara"),
    ("cubo", "¿Qué hace un matemático en la playa? Un castillo con un cubo.", "cubo"),
    ("disco", "El DJ de la discoteca formateó el disco duro.", "disco"),
    ("estacion", "Mi estación favorita es la del tren, sobre todo en primavera.", "estación"),
    ("falda", "Subimos por la falda del volcán y se me enganchó el vestido.", "falda"),
    ("gota", "Con la artritis y la gota, lloraba a lágrima viva.", "gota"),
    ("grado", "Con cuarenta grados de fiebre terminé mi grado en la universidad.", "grado"),
    ("hueso", "El perro no quiere al profesor de Historia porque es un hueso.", "hueso"),
    ("libra", "El carnicero de Londres vendía la carne a una libra la libra.", "libra"),
    ("manzana", "Compré fruta en la tienda que está a dos manzanas, en la esquina.", "manzanas"),
    ("masa", "Al físico le salió mal la pizza: calculó la masa con la fórmula de Einstein.", "masa"),
    ("metro", "El revisor midió el vagón con una cinta y le salió justo un metro.", "metro"),
    ("nudo", "El marinero navegaba a veinte nudos con un nudo en la garganta.", "nudo"),
    ("organo", "El organista de la catedral donó un órgano para un trasplante.", "órgano"),
    ("pasta", "El cocinero italiano se forró con la pasta.", "pasta"),
    ("pendiente", "Tengo pendiente un asunto: perdí un pendiente de perlas.", "pendiente"),
    ("piso", "En mi piso de alquiler hay tanto barro que piso con zapatillas.", "piso"),
    ("plano", "El arquitecto rodó la película en un solo plano.", "plano"),
    ("polo", "¿Qué hace un pingüino en verano? Se come un polo de limón.", "polo"),
    ("puente", "El ingeniero que construyó el puente se fue de vacaciones el puente de diciembre.", "puente"),
    ("regla", "En el juego del colegio había una regla: medir las líneas con la regla.", "regla"),
    ("salsa", "El cocinero cubano bailaba salsa mientras preparaba la salsa de tomate.", "salsa"),
    ("sello", "El cartero fichó por una discográfica y sacó el disco con su propio sello.", "sello"),
    ("trompa", "El elefante se bebió tres cervezas y cogió una buena trompa.", "trompa"),
    ("vaso", "El vampiro se bebió un vaso de sangre directo de la arteria.", "vaso"),
    ("barra", "El panadero pidió una cerveza al camarero con la barra de pan bajo el brazo.", "barra"),
    ("bote", "El camarero se fue al mar en bote con el bote de las propinas.", "bote"),
    ("carrera", "Ganó la carrera de caballos y después terminó la carrera de Medicina.", "carrera"),
    ("corona", "El rey fue al dentista a ponerse una corona.", "corona"),
    ("cuadro", "El médico del museo dijo que el cuadro de Goya tenía fiebre.", "cuadro"),
    ("cuerda", "¿Por qué el reloj está en el manicomio? Porque le falta cuerda.", "cuerda"),
    ("golpe", "El general se dio un golpe en la cabeza el día del golpe militar.", "golpe"),
    ("granada", "El soldado lanzó la granada y salieron volando las semillas.", "granada"),
    ("grano", "Al adolescente le salió un grano de arroz en la nariz.", "grano"),
    ("hilo", "La costurera perdió el hilo de la conversación.", "hilo"),
    ("luz", "Con el apagón, mi mujer embarazada dio a luz a oscuras.", "luz"),
    ("nuez", "La ardilla se quedó mirando la nuez del cuello del leñador.", "nuez"),
    ("pesado", "Mi cuñado pesa cien kilos y además es un pesado insoportable.", "pesado"),
    ("pina", "Cogí una piña del pino del bosque y me la comí en almíbar.", "piña"),
    ("pipa", "El abuelo fumaba en pipa mientras comía pipas de girasol.", "pipa"),
    ("plancha", "Puse la camisa en la plancha de la cocina junto a la sepia.", "plancha"),
    ("polvo", "Tras limpiar el polvo de los muebles, se fueron a la cama a echar un polvo.", "polvo"),
    ("primo", "Mi tío me dijo que su hijo, mi primo, es un número primo.", "primo"),
    ("raya", "El tigre se metió una raya de cocaína.", "raya"),
    ("resaca", "Después de la fiesta de anoche, la resaca del mar me arrastró hasta la orilla.", "resaca"),
    ("sirena", "El marinero oyó la sirena de la policía y pensó que tenía cola de pez.", "sirena"),
    ("tipo", "El banquero dijo que yo no era su tipo: prefería el tipo de interés.", "tipo"),
    ("torre", "El ajedrecista vivía en lo alto de la torre del castillo.", "torre"),
    ("trono", "El rey pasaba tanto tiempo en el baño que lo llamaban el trono.", "trono"),
    ("verde", "El jardinero me contó un chiste verde sobre el césped.", "verde"),
    ("zorro", "El cazador persiguió al zorro hasta descubrir que era Don Diego con su máscara.", "zorro"),
    ("cerdo", "El granjero dijo que su vecino machista era un cerdo.", "cerdo"),
    ("besugo", "En la pescadería tuvieron un diálogo de besugos.", "besugos"),
    ("ganso", "El payaso de la granja hacía el ganso con las ocas.", "ganso"),
    ("vibora", "La serpiente de mi suegra es una víbora.", "víbora"),
    ("buitre", "El inversor especulador sobrevolaba la empresa como un buitre en busca de carroña.", "buitre"),
    ("gusano", "El pescador traidor usó de cebo a un gusano.", "gusano"),
    ("toston", "La conferencia fue un tostón, como los de la sopa de ajo.", "tostón"),
    ("marron", "Mi jefe me pasó el marrón de pintar la pared de color marrón.", "marrón"),
    ("cacao", "Tengo un cacao mental desde que desayuné chocolate.", "cacao"),
    ("ficha", "El detenido tenía la ficha policial llena de partidas de parchís.", "ficha"),
    ("juicio", "El juez perdió el juicio y acabó en el manicomio.", "juicio"),
    ("espada", "El caballero sacó la espada y le salió la sota de bastos.", "espada"),
    ("lince", "En Doñana, el conejo es tan listo que se cree un lince.", "lince"),
    ("loro", "El pirata tiene un loro en el hombro que no se calla ni en la jaula.", "loro"),
    ("canguro", "Los padres contrataron a un canguro australiano para cuidar al bebé.", "canguro"),
    ("gemelo", "Mi hermano gemelo se rompió el gemelo corriendo la maratón.", "gemelo"),
    ("canto", "El pájaro dejó de cantar cuando se dio con el canto del ladrillo.", "canto"),
    ("calabaza", "En Halloween, mi novia me dio calabazas.", "calabazas"),
    ("cita", "Mi novio me dejó plantada en la cita y me mandó una cita de Shakespeare.", "cita"),
    ("casco", "El motorista se puso el casco y se fue al casco antiguo.", "casco"),
    ("capa", "Drácula se puso otra capa de maquillaje.", "capa"),
    ("cruz", "El cura lanzó la moneda al aire: cara o cruz.", "cruz"),
    ("colera", "En plena epidemia, el médico montó en cólera.", "cólera"),
    ("interes", "Fui banquero, pero perdí el interés.", "interés"),
    ("melon", "El frutero es tan tonto que tiene cabeza de melón.", "melón"),
    ("nota", "El profesor de piano me puso una nota: un do.", "nota"),
    ("callo", "El podólogo me preguntó por el dolor del pie y yo me callo.", "callo"),
    ("arana", "La araña tejió su telaraña en la araña de cristal del salón.", "araña"),
    ("mosca", "Estoy mosca: hay una mosca en mi sopa y sospecho del cocinero.", "mosca"),
    ("tiburon", "El abogado de negocios nadaba en el mar como un tiburón.", "tiburón"),
    ("chapa", "El chapista del taller me dio la chapa con su rollo de siempre.", "chapa"),
    ("bolo", "El grupo tocó en la bolera: fue nuestro mejor bolo.", "bolo"),
    ("enchufe", "El electricista es un enchufado: entró por enchufe.", "enchufe"),
    ("portero", "El portero del edificio se puso los guantes y paró el balón del vecino.", "portero"),
    ("chuleta", "El carnicero aprobó el examen con una chuleta de cerdo.", "chuleta"),
    ("bombo", "Desde que está encinta, mi hermana toca el bombo en la banda.", "bombo"),
    ("gordo", "Se puso a dieta y le tocó el gordo de Navidad.", "gordo"),
    ("chispa", "El soldador es muy gracioso: tiene chispa.", "chispa"),
    ("bombon", "Qué guapa estás hoy: eres un bombón de chocolate con licor.", "bombón"),
    ("pastor", "El pastor evangélico cuidaba ovejas los domingos en la iglesia.", "pastor"),
    ("tomate", "Menudo lío: hay tomate entre la lechuga y el pepino de la ensalada.", "tomate"),
    ("globo", "El payaso infló un globo terráqueo para su cumpleaños.", "globo"),
    ("testigo", "El atleta de relevos fue testigo del crimen.", "testigo"),
    ("valla-sound", "Le dije adiós y que se marchara, pero el caballo saltó la valla.", "valla"),
    ("bacilo-sound", "¿Qué le dijo un bacilo a otro en el laboratorio? Que lo estaba vacilando.", "bacilo"),
    ("huso-sound", "Lee las instrucciones de uso del huso horario.", "huso"),
    ("savia-sound", "La abuela, con su sabiduría, dice que la savia del árbol cura.", "savia"),
    ("ciervo-sound", "El señor feudal trataba a su ciervo como a un esclavo.", "ciervo"),
    ("sien-sound", "Tengo una jaqueca en la sien que vale por cien.", "sien"),
    ("abrasar-sound", "El sol me abrasa tanto como tus besos.", "abrasa"),
    ("rebelar-sound", "El fotógrafo se rebeló porque no le dejaban ver los negativos.", "rebeló"),
    ("rallar-sound", "No me ralles más con tus paranoias, que no soy queso.", "ralles"),
    ("cocer-sound", "Mi abuela cuece el botón de la camisa con aguja e hilo.", "cuece"),
    ("callo-cayo-sound", "El payaso resbaló en la pista y se calló al suelo.", "calló"),
]


def test_every_entry_has_a_joke_and_an_everyday_line() -> None:
    assert {f"es.pun.{slug}" for slug, _joke, _word in JOKES} == IDS
    assert {f"es.pun.{slug}" for slug in EVERYDAY} == IDS


@pytest.mark.parametrize(("slug", "joke", "word"), JOKES, ids=[slug for slug, _j, _w in JOKES])
def test_joke_is_flagged_on_the_word(slug: str, joke: str | list[str], word: str) -> None:
    entry = f"es.pun.{slug}"
    label = "homophone" if slug.endswith("-sound") else "pun"
    found = [(text.lower(), lab) for _seg, lab, text, rule in puns(joke) if rule == entry]
    assert (word, label) in found, (joke, puns(joke))


#: entry -> a plain everyday line using the word in its ordinary sense: no pun flag on it
EVERYDAY = {
    "bomba": "La policía desactivó la bomba antes de que explotara.",
    "cartera": "Se me ha olvidado la cartera en casa.",
    "pico": "Llegamos a las ocho y pico.",
    "tabla": "Pon la tabla de madera encima de la mesa.",
    "bateria": "Se me ha acabado la batería del móvil.",
    "caja": "Mete los libros en esa caja de cartón.",
    "canal": "Pon el canal de deportes, que empieza el partido.",
    "cadena": "Llevaba una cadena de oro al cuello.",
    "camara": "Sonríe, que te estoy grabando con la cámara.",
    "cubo": "Saca el cubo de la basura, por favor.",
    "disco": "Ese disco de los Beatles es mi favorito.",
    "estacion": "Te recojo en la estación a las seis.",
    "falda": "Esa falda te queda muy bien.",
    "gota": "No queda ni una gota de leche en la nevera.",
    "grado": "Hoy hace treinta grados a la sombra.",
    "hueso": "El perro está royendo un hueso en el jardín.",
    "libra": "¿A cuánto está la libra hoy?",
    "manzana": "Cómete una manzana si tienes hambre.",
    "masa": "Deja reposar la masa de la pizza una hora.",
    "metro": "La mesa mide un metro de ancho.",
    "nudo": "No consigo deshacer este nudo de los cordones.",
    "organo": "Mi hermano es donante de órganos.",
    "pasta": "Esta noche cenamos pasta con tomate.",
    "pendiente": "Tengo pendiente llamar a mi madre.",
    "piso": "Nos hemos comprado un piso en el centro.",
    "plano": "Mira el plano de la ciudad, estamos aquí.",
    "polo": "Los osos polares viven en el Polo Norte.",
    "puente": "Cruzamos el puente a pie para llegar al otro lado del río.",
    "regla": "Esa es la primera regla del juego.",
    "salsa": "La carne está mejor con un poco de salsa.",
    "sello": "Ponle un sello a la carta antes de echarla al buzón.",
    "trompa": "El elefante levantó la trompa y bebió agua.",
    "vaso": "Ponme un vaso de agua, por favor.",
    "barra": "Nos sentamos en la barra y pedimos dos cafés.",
    "bote": "Pásame el bote de mermelada.",
    "carrera": "Mañana corro la carrera popular del barrio.",
    "corona": "La reina llevaba la corona en la ceremonia.",
    "cuadro": "Ese cuadro de Goya está en el Prado.",
    "cuerda": "Ata la caja con una cuerda.",
    "golpe": "Me di un golpe en la cabeza con la puerta.",
    "granada": "Mañana salimos hacia Granada para ver la Alhambra.",
    "grano": "Compré un kilo de café en grano.",
    "hilo": "Perdona, he perdido el hilo de la conversación.",
    "luz": "Apaga la luz al salir.",
    "nuez": "Echa una nuez picada a la ensalada.",
    "pesado": "Esta maleta es muy pesada.",
    "pina": "De postre hay piña en almíbar.",
    "pipa": "Estuvo toda la tarde comiendo pipas en el parque.",
    "plancha": "Deja la plancha enchufada, que tengo que planchar.",
    "polvo": "Hay mucho polvo en los muebles.",
    "primo": "Mi primo vive en Sevilla.",
    "raya": "Me gusta esa camisa de rayas.",
    "resaca": "Tengo una resaca horrible después de la fiesta.",
    "sirena": "Se oyó la sirena de la ambulancia.",
    "tipo": "Ese tipo me da mala espina.",
    "torre": "Desde lo alto de la torre se ve toda la ciudad.",
    "trono": "El príncipe heredará el trono.",
    "verde": "El semáforo está en verde, puedes pasar.",
    "zorro": "Un zorro se coló en el gallinero.",
    "cerdo": "Hoy comemos lomo de cerdo.",
    "besugo": "En Navidad hacemos besugo al horno.",
    "ganso": "Vimos un ganso en el lago.",
    "vibora": "Le mordió una víbora en el monte.",
    "buitre": "Un buitre volaba en círculos sobre el campo.",
    "gusano": "Hay un gusano en la manzana.",
    "toston": "Qué tostón de película.",
    "marron": "Tiene los ojos marrones.",
    "cacao": "Me tomo un cacao con leche para desayunar.",
    "ficha": "Rellene esta ficha con sus datos, por favor.",
    "juicio": "El juicio se celebrará el mes que viene.",
    "espada": "El caballero desenvainó la espada.",
    "lince": "El lince ibérico está en peligro de extinción.",
    "loro": "Mi tía tiene un loro que dice palabrotas.",
    "canguro": "Esta noche viene la canguro a cuidar a los niños.",
    "gemelo": "Mi hermano gemelo vive en Londres.",
    "canto": "El canto de los pájaros me despierta cada mañana.",
    "calabaza": "Hice crema de calabaza para cenar.",
    "cita": "Tengo cita con el médico a las diez.",
    "casco": "Ponte el casco para ir en moto.",
    "capa": "Dale otra capa de pintura a la pared.",
    "cruz": "Marca la respuesta con una cruz.",
    "colera": "Montó en cólera cuando se enteró.",
    "interes": "Gracias por tu interés.",
    "melon": "De postre, melón con jamón.",
    "nota": "Te he dejado una nota en la nevera.",
    "callo": "Vale, vale, ya me callo.",
    "arana": "Hay una araña en el baño.",
    "mosca": "Mata esa mosca, que no me deja dormir.",
    "tiburon": "Vimos un tiburón en el acuario.",
    "chapa": "Le dieron un golpe al coche y hay que cambiar la chapa.",
    "bolo": "Esta tarde vamos a jugar a los bolos.",
    "enchufe": "El cargador está en el enchufe de la cocina.",
    "portero": "El portero del edificio tiene las llaves.",
    "chuleta": "Pedimos chuletas de cordero a la brasa.",
    "bombo": "Manolo toca el bombo en todos los partidos.",
    "gordo": "Mi gato está muy gordo.",
    "chispa": "Saltó una chispa de la chimenea.",
    "bombon": "Me regalaron una caja de bombones.",
    "pastor": "El pastor llevó las ovejas al monte.",
    "tomate": "Pon más tomate en la ensalada.",
    "globo": "Compramos globos para el cumpleaños.",
    "testigo": "El testigo declaró ante el juez.",
    "valla-sound": "El caballo saltó la valla.",
    "bacilo-sound": "El bacilo de Koch causa la tuberculosis.",
    "huso-sound": "España tiene el mismo huso horario que Francia.",
    "savia-sound": "La savia sube por el tronco del árbol.",
    "ciervo-sound": "Vimos un ciervo en el bosque.",
    "sien-sound": "Le dolía la sien.",
    "abrasar-sound": "El sol abrasa en agosto.",
    "rebelar-sound": "Los esclavos se rebelaron contra su amo.",
    "rallar-sound": "Ralla un poco de queso para la pasta.",
    "cocer-sound": "Hay que cocer la pasta diez minutos.",
    "callo-cayo-sound": "Cuando entró el profesor, todo el mundo se calló.",
}


@pytest.mark.parametrize(("slug", "line"), list(EVERYDAY.items()), ids=list(EVERYDAY))
def test_everyday_line_is_not_a_pun(slug: str, line: str) -> None:
    assert f"es.pun.{slug}" in {span for span in _entries_on(line)}  # the entry matches the word ...
    assert ours(line) == []  # ... and raises no flag on it


def _entries_on(line: str) -> set[str]:
    from locpipe.detect import get_nlp

    doc = get_nlp("es")(line)
    return {span.id_ for spans in doc.spans.values() for span in spans}


#: ordinary dialogue, scene by scene: these words in passing are no puns
SCENES = {
    "kitchen": [
        "¿Has puesto la pasta a cocer? El agua ya está hirviendo.",
        "Saca la bandeja del horno, que se quema la masa.",
        "Ralla un poco de queso y échalo por encima.",
        "Pásame un vaso y la jarra de agua, por favor.",
        "Pon más tomate en la ensalada, que está sosa.",
        "Hay un bote de mermelada en el armario de arriba.",
        "De postre tenemos piña en almíbar.",
        "Cuece las patatas veinte minutos y luego las pelas.",
    ],
    "office": [
        "Mándame el informe antes del viernes, que el jefe lo quiere en su mesa.",
        "He dejado la carpeta con los contratos al lado de tu cartera.",
        "Firma aquí y ponle el sello de la empresa.",
        "Tengo una cita con el dentista y llegaré tarde.",
        "Se me ha acabado la batería del portátil en plena reunión.",
        "El cliente quiere el plano de la oficina nueva para mañana.",
        "Ese tipo de contrato ya no se usa.",
        "Tengo muchos asuntos pendientes y no me da tiempo a todo.",
        "Déjame una nota en la mesa si sales antes.",
        "La caja con el material está en el almacén.",
    ],
    "family": [
        "Mamá, ¿dónde está mi mochila del colegio?",
        "Tu hermana ha vuelto a dejar la ropa tirada en el suelo.",
        "Dile a tu primo que venga a cenar el domingo.",
        "Esta noche viene la canguro, así que podemos ir al cine.",
        "Apaga la luz del pasillo antes de acostarte.",
        "El perro está royendo un hueso en el jardín.",
        "Ponte el casco si vas a ir en bici.",
        "Mañana es el cumpleaños de tu hermano gemelo.",
        "Cómete la manzana, que es muy buena para los dientes.",
    ],
    "police": [
        "Inspector, hemos encontrado huellas en la caja fuerte.",
        "Tenemos un testigo que vio al sospechoso salir del edificio.",
        "La víctima recibió un golpe en la cabeza con un objeto contundente.",
        "Revisa las cámaras de seguridad del portal.",
        "El juez ha fijado la fecha del juicio para marzo.",
        "El detenido tiene una ficha policial muy larga.",
        "Según el forense, murió de un disparo en la sien.",
        "La cadena que encontramos junto al cadáver era de oro.",
        "El portero de la finca dice que no oyó nada.",
    ],
    "news": [
        "El Banco Central mantiene el tipo de interés en el cuatro por ciento.",
        "Se esperan treinta grados en el sur y lluvias en el norte.",
        "La huelga de metro afectará a miles de viajeros.",
        "El presidente cruzó el puente a pie durante la visita.",
        "Un incendio obligó a evacuar a los vecinos de la torre.",
        "El precio de la luz vuelve a subir este mes.",
        "La sirena de la fábrica sonó a las seis en punto.",
        "El ministro presentó los presupuestos ante la cámara.",
    ],
}


@pytest.mark.parametrize("scene", list(SCENES))
def test_ordinary_dialogue_gets_no_pun_flags(scene: str) -> None:
    lines = SCENES[scene]
    assert ours(lines) == []  # the scene as one transcript: each line with the lines around it
    assert [flag for line in lines for flag in ours(line)] == []  # and each line alone


def test_dialogue_uses_the_words() -> None:
    lines = [line for scene in SCENES.values() for line in scene]
    assert len(lines) >= 40
    used = set().union(*(_entries_on(line) for line in lines)) & IDS
    assert len(used) >= 30


def test_pun_flag_names_both_senses() -> None:
    flags = detect(make_transcript(["El electricista es un enchufado: entró por enchufe."], lang="es"),
                   kinds="humor").flags
    assert [(f.text, f.rule_id) for f in flags] == [("enchufe", "es.pun.enchufe")]
    assert flags[0].gloss == "pun on 'enchufe': clavija, electricidad / influencias, enchufismo"


def test_sound_alike_flag_names_both_spellings() -> None:
    flags = [f for f in detect(make_transcript(["Tengo una jaqueca en la sien que vale por cien."],
                                               lang="es"), kinds="humor").flags if f.label == "homophone"]
    # both spellings in one line: each is evoked by the other one next to it
    assert [(f.text, f.rule_id) for f in flags] == [("sien", "es.pun.sien-sound"), ("cien", "es.pun.sien-sound")]
    assert flags[0].gloss.startswith("sound-alike: 'sien' / 'sienes/cien'")
