"""Spanish lexicon entries that fired on ordinary standard-Spanish dialogue: each constrained entry no longer
matches the everyday line and still matches the use it is meant for."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import flags_of, make_transcript  # noqa: E402

from locpipe.detect import detect, get_nlp  # noqa: E402


def _ids_on(line: str) -> set[str]:
    doc = get_nlp("es")(line)
    return {span.id_ for spans in doc.spans.values() for span in spans}


# (entry id, ordinary line that must not get it, real use that must still get it)
CASES = [
    # 'ustedes' folds into 'vosotros' in the lookup table: the Spain-only familiar plural is vosotros/vosotras
    ("es.dialect.vosotros", "Están ustedes en el edificio más moderno de Madrid.", "Vosotros os quedáis aquí."),
    ("es.dialect.fresa", "Compré un helado de fresa para los niños.", "Es muy fresa, solo va a centros comerciales."),
    ("es.dialect.mina", "La policía encontró huellas en la mina abandonada.", "¿Viste a esa mina? Es re linda."),
    ("es.dialect.el-camion", "El camión de la basura pasa a las diez.", "Tomé el camión a las ocho para ir al centro."),
    ("es.dialect.un-rollo", "Compra un rollo de papel de cocina.", "Qué pereza, es un rollo."),
    ("es.dialect.tronco", "Cógelo por el tronco del árbol.", "¿Qué pasa, tronco?"),
    ("es.dialect.carrete", "El detective revisó el carrete de fotos.", "El carrete estuvo buenísimo anoche."),
    ("es.dialect.la-pega", "Mi novio se la pega con su secretaria.", "Mañana vuelvo a la pega."),
    # 'dale' is also the standard tú imperative of dar
    ("es.dialect.voseo-verb-form-argentina", "Dale recuerdos a tu familia.", "¿Vos tenés hambre?"),
    ("es.culture.un-quinto", "Un quinto de los alumnos suspendió el examen.", "¿Nos tomamos un quinto?"),
    ("es.culture.una-cana", "Necesito una caña de pescar nueva.", "Ponme una caña, por favor."),
    ("es.culture.la-paga", "La factura la paga la empresa.", "Ya me han dado la paga."),
    # the singular is mostly pelar: "hace un frío que pela"
    ("es.culture.pelas", "Hace un frío que pela.", "Eso cuesta muchas pelas."),
    # the template folded 'cuento' into contar and took its feminine 'cuenta'
    ("es.pun.cuento", "Se cuenta con dos anfitriones de lujo.", "Cuéntame un cuento antes de dormir."),
    # 'pegar a alguien' is to hit someone; the cheating idiom is 'pegársela'
    ("es.idiom.pegar-a-someone", "La única pega es que está lejos del centro.", "Mi novio se la pega con su secretaria."),
    ("es.idiom.llevar-bien", "¿Llevas bien la maleta?", "Nos llevamos muy bien desde niños."),
    ("es.idiom.estar-tirado", "El cuerpo estaba tirado en el suelo.", "Esto está tirado, lo hace cualquiera."),
    ("es.idiom.en-las-ultimas", "En las últimas semanas ha llovido mucho.", "Lo encontraron en las últimas, sin fuerzas."),
    ("es.idiom.ya-te-digo", "Ya te digo que no lo sé.", "¡Ya te digo!"),
    ("es.idiom.que-te-den", "Pide que te den la llave en recepción.", "¡Que te den!"),
    ("es.idiom.dar-la-lata", "Dame la lata de tomate, por favor.", "No me des la lata."),
    ("es.idiom.meter-con-someone", "Lo metieron con los demás presos.", "Siempre se mete con los nuevos."),
    # a person is hot: the subject must be a person word or a subject pronoun, not a dish
    ("es.idiom.estar-bueno", "El pastel está bueno.", "Tu primo está buenísimo."),
    # the literal grade takes an indirect object ("me dio") and a complement ("la nota del examen")
    ("es.idiom.dar-la-nota", "Me dio la nota del examen.", "Siempre tienes que dar la nota."),
    ("es.idiom.por-la-cara", "Le corría el sudor por la cara.", "Se coló en el cine por la cara."),
    ("es.idiom.ver-las-estrellas", "Anoche vimos las estrellas desde la playa.",
     "Vi las estrellas cuando me di el golpe."),
    # the exclamation alone, not 'qué fuerte' as the intensified adjective of a clause
    ("es.idiom.que-fuerte", "Qué fuerte es tu hermano.", "¡Qué fuerte!"),
    ("es.idiom.ser-la-leche", "Esta es la leche que compré, está agria.", "Tu hermano es la leche."),
    ("es.idiom.ser-la-cana", "Es la caña de pescar de mi padre.", "Este concierto es la caña."),
    # the entry is 'loads, tons': kicking someone out is the literal use
    ("es.idiom.a-patadas", "Lo sacaron a patadas del bar.", "Tiene dinero a patadas."),
]


@pytest.mark.parametrize(("entry", "ordinary", "real"), CASES, ids=[c[0] for c in CASES])
def test_entry_skips_ordinary_dialogue_and_keeps_its_use(entry: str, ordinary: str, real: str) -> None:
    assert entry not in _ids_on(ordinary)
    assert entry in _ids_on(real)


@pytest.mark.parametrize(("entry", "ordinary", "real"), CASES, ids=[c[0] for c in CASES])
def test_entry_flags(entry: str, ordinary: str, real: str) -> None:
    flags = flags_of(detect(make_transcript([ordinary, real], lang="es")))
    assert [seg for seg, _label, _text, rule in flags if rule == entry] == ["s0002"]


def test_traje_is_no_pun_when_caso_is_read_as_casar() -> None:
    # 'caso' lemmatizes to 'casar', which the context word 'casa' shared: 'lleva traje y chaqueta' was a pun
    line = "Son aquí si lleva traje y chaqueta, es un hombre y pretende ser ejecutivo de cuentas, cosa que no es el caso."
    assert [r for *_x, r in flags_of(detect(make_transcript([line], lang="es"), kinds="humor"))] == []
    joke = "Me puse el traje y la corbata, y te traje un regalo."
    assert "es.pun.traje" in [r for *_x, r in flags_of(detect(make_transcript([joke], lang="es"), kinds="humor"))]


@pytest.mark.parametrize(("entry", "gloss_part"), [
    ("es.culture.padre", "one's own father"),
    ("es.idiom.hacer-el-loco", "act the fool"),
    ("es.idiom.pegar-un-tiro", "shoot (someone)"),
])
def test_corrected_glosses(entry: str, gloss_part: str) -> None:
    from locpipe.detect.lexicon import load_lexicon

    assert gloss_part in load_lexicon("es").by_id[entry]["gloss"]
