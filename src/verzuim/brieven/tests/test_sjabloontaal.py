"""The letter template language: only declared placeholders, no code, everything escaped."""

import pytest

from verzuim.brieven import sjabloontaal as st

TOEGESTAAN = {"leerling.naam", "datum", "gesprek.datum"}


def fouten(tekst: str) -> list[str]:
    return [str(f) for f in st.controleer({"Tekst": tekst}, TOEGESTAAN)]


def test_valid_template_has_no_errors_and_lists_its_placeholders():
    tekst = "Beste ouder,\n\nHet gaat over {{ leerling.naam }} op {{gesprek.datum}}."
    assert fouten(tekst) == []
    assert st.gebruikt(tekst) == {"leerling.naam", "gesprek.datum"}


def test_unknown_placeholder_is_named_with_its_line():
    [fout] = fouten("Beste ouder,\n\nSchoenmaat: {{ leerling.schoenmaat }}.")
    assert fout.startswith("Tekst, regel 3: onbekende plaatshouder {{ leerling.schoenmaat }}")
    assert "{{ leerling.naam }}" in fout  # the allowed ones are listed


def test_every_error_of_a_field_is_reported_at_once():
    assert len(fouten("{{ a }} en {{ b }}\n{% load x %}")) == 3


@pytest.mark.parametrize(
    "aanval",
    [
        "{{ __class__ }}",
        "{{ leerling.__class__ }}",
        "{{ leerling.naam.__class__ }}",
        "{{ leerling.naam.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ leerling.naam|upper }}",
        "{{ leerling['naam'] }}",
        "{{ 7*7 }}",
        "{{ leerling.naam() }}",
        "{{ Leerling.Naam }}",
        "{% import os %}",
        "{% load static %}",
        "{% include 'brieven/_brief.html' %}",
        "{% debug %}",
        "{% for x in y %}{% endfor %}",
        "{# verborgen #}",
        "tekst }} zonder begin",
        "{{ leerling.naam",
    ],
)
def test_template_injection_is_refused(aanval):
    gevonden = fouten(f"Beste ouder,\n{aanval}")
    assert gevonden, aanval
    assert all(f.startswith("Tekst, regel 2") for f in gevonden)


def test_render_escapes_values_and_never_reads_a_value_as_a_template():
    waarden = {
        "leerling.naam": "<script>alert(1)</script> & {{ datum }}",
        "datum": "1 oktober 2026",
        "gesprek.datum": "x",
    }
    tekst = st.vul_in("Over {{ leerling.naam }} op {{ datum }}.", waarden)
    assert tekst == "Over <script>alert(1)</script> & {{ datum }} op 1 oktober 2026."
    html = st.alinea_html(tekst)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ datum }}" in html


def test_template_text_itself_is_escaped():
    assert st.alinea_html('<img src="x" onerror="y"> <b>vet</b>') == (
        "<p>&lt;img src=&quot;x&quot; onerror=&quot;y&quot;&gt; &lt;b&gt;vet&lt;/b&gt;</p>"
    )


def test_paragraphs_lists_and_line_breaks():
    html = st.alinea_html("Eerste\nregel\n\n- een\n- twee <3\n\nSlot")
    assert html == ("<p>Eerste<br>regel</p>\n<ul><li>een</li><li>twee &lt;3</li></ul>\n<p>Slot</p>")


def test_a_missing_value_raises():
    with pytest.raises(KeyError):
        st.vul_in("{{ datum }}", {})
