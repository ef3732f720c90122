"""Seed content from Oslo kommune's own pages.

`seed_library` seeds facts only: the documents the municipality lists and
rundskriv 8/2017 as published. `seed_example_circulars` (for the demo) adds a
rundskriv + fellesskriv pair for the current and the previous reporting year,
marked as examples and without archive data, since their numbers and texts are
not the byråd's. The question lists are proposals (see shared/domain.md): the
real circular decides, and administrators change them without code.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import Circular, Document, Question, Section, UnitKind
from .seed_rules import apply_seed_rules
from .services import publish_circular

K = Question.Kind

DISCRIMINATION_GROUNDS = [
    "Kjønn",
    "Graviditet/permisjon",
    "Omsorgsoppgaver",
    "Etnisitet",
    "Religion",
    "Livssyn",
    "Funksjonsnedsettelse",
    "Seksuell orientering",
    "Kjønnsidentitet",
    "Kjønnsuttrykk",
    "Alder",
    "Sammensatt",
]

MEASURE_COLUMNS = [
    {"key": "tittel", "label": "Tiltak", "kind": "short_text", "required": True},
    {"key": "beskrivelse", "label": "Beskrivelse", "kind": "long_text"},
    {
        "key": "utfordring",
        "label": "Utfordring tiltaket svarer på",
        "kind": "long_text",
    },
    {"key": "mal", "label": "Mål", "kind": "short_text"},
    {
        "key": "grunnlag",
        "label": "Diskrimineringsgrunnlag",
        "kind": "multiple_choice",
        "choices": DISCRIMINATION_GROUNDS,
    },
    {
        "key": "malgruppe",
        "label": "Målgruppe",
        "kind": "choice",
        "choices": ["Innbyggere/brukere", "Ansatte"],
    },
    {
        "key": "status",
        "label": "Status",
        "kind": "choice",
        "choices": ["Planlagt", "Iverksatt", "Gjennomført", "Avsluttet"],
    },
    {"key": "start", "label": "Startdato", "kind": "date"},
    {"key": "frist", "label": "Frist", "kind": "date"},
    {"key": "ansvarlig", "label": "Ansvarlig", "kind": "short_text"},
    {"key": "resultat", "label": "Resultat", "kind": "long_text"},
]

POSITION_GROUPS = [
    ("uten-utdanningskrav", "Stillinger uten særskilt krav om utdanning"),
    ("fagarbeider", "Fagarbeiderstillinger"),
    ("hoyskole", "Stillinger med krav om høyskoleutdanning"),
    ("hoyskole-spesial", "Høyskole med videre spesialutdanning"),
    ("master", "Stillinger med krav om mastergrad"),
    ("akademiker", "Akademikere"),
    ("mellomleder", "Mellomledere"),
    ("avdelingssjef", "Avdelingssjefer/virksomhetsledere"),
    ("direktor", "Direktører/toppledere"),
    ("laerling", "Under utdanning/lærlinger"),
]
# The rows of POSITION_GROUPS that are leaders.
LEADER_GROUPS = ["mellomleder", "avdelingssjef", "direktor"]


def q(key, label, kind, required=False, **extra):
    return {"key": key, "label": label, "kind": kind, "required": required, **extra}


def measures(key="tiltak", label="Tiltak gjennomført eller planlagt i året"):
    return q(
        key,
        label,
        K.LIST,
        help_text="Legg til én rad per tiltak.",
        columns=MEASURE_COLUMNS,
    )


def women_men(key, label, kind=K.INTEGER, **extra):
    if extra.get("counts_people"):
        extra["totals"] = Question.Totals.ROWS
    columns = [
        {"key": "kvinner", "label": "Kvinner", "kind": kind},
        {"key": "menn", "label": "Menn", "kind": kind},
    ]
    return q(
        key,
        label,
        K.TABLE,
        rows=[{"key": "antall", "label": label}],
        columns=columns,
        **extra,
    )


# Rundskriv 8/2017 asks for the use of the guide and equality measures for the
# city's residents «se tabell 4.5 om diskriminering»: the table belongs to 4.6
# (etater) and 4.3.5 (bydeler), so every unit reports it in the same place.
DISCRIMINATION_QUESTIONS = [
    q(
        "diskriminering-rutine",
        "Har virksomheten rutine for å behandle klager fra brukere om diskriminering?",
        K.YES_NO,
        True,
    ),
    q(
        "diskriminering-tabell",
        "Klager på diskriminering etter grunnlag (tabell 4.5)",
        K.TABLE,
        counts_people=True,
        totals=Question.Totals.COLUMNS,
        help_text=(
            "Klager fra brukere i året. Saker brakt inn for Diskrimineringsnemnda er "
            "saker der klageren har klaget virksomheten inn for nemnda; det er "
            "klageren, ikke virksomheten, som bringer saken inn. Kolonnene summeres "
            "ikke: en klage kan både være mottatt, behandlet og brakt inn."
        ),
        rows=[
            {"key": ground.lower().replace("/", "-").replace(" ", "-"), "label": ground}
            for ground in DISCRIMINATION_GROUNDS
        ],
        columns=[
            {"key": "mottatt", "label": "Mottatt", "kind": "integer"},
            {"key": "behandlet", "label": "Behandlet", "kind": "integer"},
            {
                "key": "nemnd",
                "label": "Brakt inn for Diskrimineringsnemnda",
                "kind": "integer",
            },
            {"key": "tiltak", "label": "Tiltak", "kind": "short_text"},
        ],
    ),
]

TOPICS = {
    "funksjonsnedsettelse": {
        "title": "Handlingsplan for mennesker med funksjonsnedsettelse",
        "guidance": (
            "Rapporter på arbeidet med Handlingsplan for mennesker med "
            "funksjonsnedsettelser (bystyresak 31/15): egen lokal plan, samarbeid med "
            "rådet for personer med funksjonsnedsettelse, tiltak og resultater."
        ),
        "questions": [
            q(
                "lokal-plan",
                "Har virksomheten en egen lokal handlingsplan?",
                K.CHOICE,
                True,
                choices=["Ja", "Nei", "Under arbeid"],
            ),
            q(
                "plan-periode",
                "Planperiode",
                K.SHORT_TEXT,
                help_text="F.eks. 2024–2027",
            ),
            q("plan-vedtatt", "Dato planen ble vedtatt", K.DATE),
            q(
                "rad-samarbeid",
                "Er planen laget i samarbeid med rådet for personer med funksjonsnedsettelse?",
                K.YES_NO,
                True,
            ),
            q("rad-samarbeid-tekst", "Beskriv samarbeidet med rådet", K.LONG_TEXT),
            measures(),
            q("resultater", "Resultater og virksomhetens vurdering", K.LONG_TEXT, True),
        ],
    },
    "universell-utforming": {
        "title": "Universell utforming",
        "guidance": (
            "Rapporter på universell utforming av bygg, uteområder og IKT. Offentlige "
            "nettløsninger skal følge WCAG 2.1 A og AA og ha en "
            "tilgjengelighetserklæring."
        ),
        "questions": [
            q(
                "uu-plan",
                "Har virksomheten en egen plan for universell utforming?",
                K.YES_NO,
                True,
            ),
            q(
                "bygg-kartlagt",
                "Antall bygg og uteområder kartlagt i året",
                K.INTEGER,
                True,
                min_value=0,
                change_threshold=50,
            ),
            q(
                "bygg-tiltak",
                "Antall tiltak gjennomført i bygg og uteområder",
                K.INTEGER,
                True,
                min_value=0,
                change_threshold=50,
            ),
            q("bygg-tekst", "Beskriv arbeidet med bygg og uteområder", K.LONG_TEXT),
            q(
                "ikt-erklaering",
                "Er tilgjengelighetserklæring publisert for alle nettsteder, apper og intranett?",
                K.YES_NO,
                True,
            ),
            q("ikt-avvik", "Antall meldte avvik fra brukere", K.INTEGER, min_value=0),
            q(
                "anskaffelser",
                "Stilles krav om universell utforming i anskaffelser?",
                K.YES_NO,
                True,
            ),
            measures(),
        ],
    },
    "likestilling-innbyggere": {
        "title": "Likestillingstiltak rettet mot byens innbyggere",
        "guidance": (
            "Offentlige myndigheters aktivitetsplikt (likestillings- og "
            "diskrimineringsloven § 24) og bruken av OXLO-guiden for likeverdige "
            "tjenester (rundskriv 8/2017)."
        ),
        "questions": [
            q(
                "prinsipper",
                "Prinsipper, prosedyrer og standarder for likestilling",
                K.LONG_TEXT,
                True,
            ),
            q(
                "arbeidsmate",
                "Hvordan likestilling er innarbeidet i virksomhetens arbeid",
                K.LONG_TEXT,
                True,
            ),
            q("vurdering", "Vurdering av resultatene", K.LONG_TEXT, True),
            q("forventninger", "Forventninger og planer fremover", K.LONG_TEXT, True),
            q(
                "oxlo-guide-brukt",
                "Er OXLO-guiden for likeverdige tjenester tatt i bruk?",
                K.YES_NO,
                True,
            ),
            q(
                "oxlo-guide-hvordan",
                "Hvordan er guiden brukt?",
                K.MULTIPLE_CHOICE,
                choices=["Ledermøte", "Workshop", "Intern opplæring", "Annet"],
            ),
            q(
                "oxlo-guide-ansatte",
                "Antall ansatte som har gjennomført guiden",
                K.INTEGER,
                min_value=0,
                change_threshold=50,
            ),
            q("oxlo-uka", "Ble OXLO-uka markert?", K.YES_NO),
            q("pride", "Ble Oslo Pride markert?", K.YES_NO),
            q("markeringer", "Aktiviteter i OXLO-uka og under Pride", K.LONG_TEXT),
            *DISCRIMINATION_QUESTIONS,
            measures(),
        ],
    },
    "arbeidsgiver": {
        "title": (
            "Rapportering innen HR-området og helse, miljø og sikkerhet (HMS) – "
            "Likestilling og mangfold i arbeidsgiverrollen"
        ),
        "guidance": (
            "Aktivitets- og redegjørelsesplikten (likestillings- og "
            "diskrimineringsloven §§ 26 og 26a). Bare anonymiserte summer: ingen "
            "opplysninger om enkeltpersoner."
        ),
        "questions": [
            women_men(
                "ansatte",
                "Antall ansatte",
                required=True,
                change_threshold=20,
                counts_people=True,
            ),
            women_men(
                "midlertidige",
                "Midlertidig ansatte",
                required=True,
                counts_people=True,
            ),
            women_men(
                "midlertidige-andel",
                "Midlertidig ansatte i % av alle ansatte av samme kjønn",
                K.PERCENT,
                people_group="midlertidige",
            ),
            women_men("deltid", "Deltidsansatte", required=True, counts_people=True),
            women_men(
                "deltid-andel",
                "Deltidsansatte i % av alle ansatte av samme kjønn",
                K.PERCENT,
                people_group="deltid",
            ),
            women_men(
                "foreldrepermisjon",
                "Foreldrepermisjon, gjennomsnittlig antall uker",
                K.DECIMAL,
                people_group="ansatte",
            ),
            q(
                "stillingsgrupper",
                "Kjønnsfordeling og lønn per stillingsgruppe",
                K.TABLE,
                help_text=(
                    "Minst annethvert år. Andel kvinner er kvinner i prosent av alle i "
                    "stillingsgruppen; lønn er kvinners gjennomsnittlige lønn i prosent "
                    "av menns i samme gruppe."
                ),
                counts_people=True,
                people_group="ansatte",
                totals=Question.Totals.BOTH,
                every_other_year=True,
                rows=[{"key": key, "label": label} for key, label in POSITION_GROUPS],
                columns=[
                    {"key": "kvinner", "label": "Kvinner", "kind": "integer"},
                    {"key": "menn", "label": "Menn", "kind": "integer"},
                    {
                        "key": "andel-kvinner",
                        "label": "Kvinner i % av alle i gruppen",
                        "kind": "percent",
                    },
                    {
                        "key": "lonn",
                        "label": "Kvinners lønn i % av menns",
                        "kind": "decimal",
                    },
                ],
            ),
            q(
                "lonnsgap",
                "Samlet lønnsgap (kvinners lønn i % av menns)",
                K.DECIMAL,
                min_value=0,
                max_value=200,
                people_group="ansatte",
                every_other_year=True,
            ),
            women_men(
                "ufrivillig-deltid",
                "Ufrivillig deltid, antall",
                counts_people=True,
                every_other_year=True,
            ),
            women_men(
                "ufrivillig-deltid-andel",
                "Ufrivillig deltid i % av deltidsansatte av samme kjønn",
                K.PERCENT,
                people_group="ufrivillig-deltid",
                every_other_year=True,
            ),
            q(
                "ufrivillig-deltid-kartlegging",
                "Hvordan ble ufrivillig deltid kartlagt?",
                K.LONG_TEXT,
            ),
            q(
                "hr-prinsipper",
                "Prinsipper og prosedyrer for likestilling og mot diskriminering",
                K.LONG_TEXT,
                True,
            ),
            q(
                "risiko",
                "Steg 1: Risikoer for diskriminering og hindre for likestilling",
                K.LONG_TEXT,
                True,
            ),
            q("arsaker", "Steg 2: Analyse av årsaker", K.LONG_TEXT, True),
            q("tiltak-iverksatt", "Steg 3: Tiltak som er iverksatt", K.LONG_TEXT, True),
            q(
                "resultater-evaluert",
                "Steg 4: Evaluering av resultater",
                K.LONG_TEXT,
                True,
            ),
            q(
                "tillitsvalgte",
                "Er arbeidet gjort i samarbeid med tillitsvalgte?",
                K.YES_NO,
                True,
            ),
            q(
                "tillitsvalgte-hvordan",
                "Hvordan er tillitsvalgte involvert?",
                K.LONG_TEXT,
            ),
            q(
                "ledere-minoritet",
                "Ledere med minoritetsbakgrunn i % av alle ledere",
                K.PERCENT,
                help_text="Bare samlet tall for virksomheten.",
                people_group="stillingsgrupper",
                people_rows=LEADER_GROUPS,
            ),
            q(
                "rekruttering",
                "Tiltak etter handlingsplanen for rekruttering med minoritetsbakgrunn 2023–2027",
                K.LONG_TEXT,
            ),
            measures(),
        ],
    },
}

# The points the seed page lists under «4. Særskilt rapportering».
ETAT_NUMBERS = {
    "funksjonsnedsettelse": "4.3",
    "universell-utforming": "4.4",
    "likestilling-innbyggere": "4.6",
    "arbeidsgiver": "4.7",
}
BYDEL_NUMBERS = {
    "funksjonsnedsettelse": "4.3.1",
    "universell-utforming": "4.3.2",
    "likestilling-innbyggere": "4.3.5",
    "arbeidsgiver": "4.3.6",
}

DOCUMENTS = [
    {
        "slug": "bystyremelding-2-1996",
        "kind": Document.Kind.BYSTYRESAK,
        "reference": "Bystyremelding 2/1996",
        "title": "Integrering av flyktninger og innvandrere",
        "summary": (
            "Hovedmålene for integrerings- og mangfoldsarbeidet i Oslo har ligget fast "
            "siden Bystyremelding 2/1996:\n"
            "• Alle innbyggere i Oslo skal ha like muligheter, rettigheter og plikter, "
            "uavhengig av etnisk eller religiøs bakgrunn.\n"
            "• Minoritetsgrupper skal delta i utdanning og arbeid, og ha stabile "
            "boforhold på lik linje med majoriteten.\n"
            "• Majoritetssamfunnet skal engasjeres for økt toleranse og aksept av "
            "forskjellighet. Mangfoldets ressurser skal brukes og verdsettes.\n"
            "• Grunnlaget for god integrering skal legges gjennom språkopplæring, "
            "målrettede utdanningstiltak og kvalifisering til arbeid."
        ),
    },
    {
        "slug": "mangfoldets-muligheter",
        "kind": Document.Kind.RAPPORT,
        "reference": "Bystyresak 129/2013",
        "title": "Mangfoldets muligheter – Om OXLO, Oslo Extra Large",
        "summary": "Statusrapport om mangfolds- og integreringsarbeidet i Oslo.",
        "file_size_label": "PDF 0,4MB",
    },
    {
        "slug": "stolte-oslo",
        "kind": Document.Kind.HANDLINGSPLAN,
        "reference": "Bystyresak 192/15",
        "title": (
            "Stolte Oslo – Handlingsplan for likeverd og frihet, uavhengig av "
            "kjønnsuttrykk, kjønnsidentitet og seksuell orientering"
        ),
        "summary": "Vedtatt av bystyret 17.06.2015, med 23 tiltak.",
        "adopted_on": datetime.date(2015, 6, 17),
    },
    {
        "slug": "handlingsplan-funksjonsnedsettelser",
        "kind": Document.Kind.HANDLINGSPLAN,
        "reference": "Bystyresak 31/15",
        "title": "Handlingsplan for mennesker med funksjonsnedsettelser",
        "summary": "Kommunens plan for et samfunn der mennesker med funksjonsnedsettelser deltar på lik linje.",
    },
    {
        "slug": "veileder-aktivitets-og-rapporteringsplikten",
        "kind": Document.Kind.VEILEDER,
        "reference": "",
        "title": (
            "Systematisk arbeid med likestilling og mangfold – veileder i aktivitets- "
            "og rapporteringsplikten"
        ),
        "summary": "Veilederen og informasjon om rapportering innen HR og rekruttering.",
        "file_size_label": "PDF 7MB",
    },
    {
        "slug": "retningslinjer-some-moderering",
        "kind": Document.Kind.RETNINGSLINJER,
        "reference": "",
        "title": "Oslo kommunes retningslinjer for moderering av kommentarfelt i sosiale medier",
        "summary": "Kommunens retningslinjer for moderering i sosiale medier.",
        "file_size_label": "PDF 1MB",
    },
    {
        "slug": "handlingsplan-rekruttering-minoritetsbakgrunn",
        "kind": Document.Kind.HANDLINGSPLAN,
        "reference": "",
        "title": (
            "Handlingsplan for å styrke rekruttering av ledere, ansatte og "
            "styremedlemmer med minoritetsbakgrunn 2023–2027"
        ),
        "summary": "Tiltak for å rekruttere flere med minoritetsbakgrunn til ledelse, stillinger og styrer.",
        "file_size_label": "PDF 8,3MB",
    },
]

RUNDSKRIV_8_2017_BODY = """\
OXLO-GUIDEN FOR LIKEVERDIGE TJENESTER

OXLO-guiden for likeverdige tjenester ble lansert i OXLO-uka 22.11.2016. Guiden er et e-læringsverktøy på kommunens intranett – se kommunens nettsteder – oxloguide.oslo.kommune.no.

Likeverdige tjenester tar hensyn til at mennesker er forskjellige, respekterer mangfoldet i befolkningen, gir alle tilgang til tjenester av like god kvalitet og tilrettelegger tilbud etter brukerne de er til for. Tjenestene skal være like tilgjengelig for alle, til like stor nytte, og de skal være av like høy kvalitet.

Bydeler, etater og foretak bes om å rapportere om bruken av guiden og likestillingstiltak rettet mot byens innbyggere i årsberetningen – se tabell 4.5 om diskriminering. Rapporteringskravet er forenklet, og informasjon om tiltak det kan rapporteres om er beskrevet i OXLO-guiden. Det anbefales at det utpekes en kontaktperson i hver virksomhet for arbeidet med likeverdige tjenester. OXLO-kontakten bør være i virksomhetsleders stab eller lederteam. Virksomhetene bes også om å foreslå mentorer blant sine egne ansatte, for flerkulturelle studenter som deltar i OXLO mentorordning.

Systematisk dokumentasjon om kommunens innsats og resultater i inkluderings- og mangfoldsarbeidet skal inngå i den årlige rapporteringen, jf. bystyresak 129/13 «Mangfoldets muligheter – om OXLO, Oslo Extra Large», bystyresak 192/15 «Stolte Oslo – Handlingsplan for likeverd og frihet, uavhengig av kjønnsuttrykk, kjønnsidentitet og seksuell orientering» og bystyresak 31/15 «Handlingsplan for mennesker med funksjonsnedsettelser». Det vises ellers til byrådets rundskriv 26/2013 om Charteret for integrerende byer.

Spørsmål knyttet til OXLO-guiden for likeverdige kommunale tjenester kan rettes til spesialrådgiver Toralv Moe i Byrådsavdeling for kultur og næring.
"""


def current_reporting_year(today: datetime.date) -> int:
    """The årsberetning being prepared: circulars go out December–January."""
    return today.year if today.month >= 7 else today.year - 1


def _report_circular_body(kind: str, year: int) -> str:
    audience = (
        "bydelene"
        if kind == Circular.Kind.FELLESSKRIV
        else "etatene og byomfattende tiltak"
    )
    return (
        f"Byrådet ber {audience} utarbeide årsberetning for {year}.\n\n"
        "Under «4. Særskilt rapportering» skal virksomhetene rapportere om "
        "mangfolds- og integreringsarbeidet. Rapporteringen gjøres i OXLO-portalen, "
        "punkt for punkt. Virksomhetens OXLO-kontakt fyller ut, og "
        "virksomhetsleder eller bydelsdirektør godkjenner før innsending.\n\n"
        "Tall om ansatte oppgis bare som summer. Tall under 5 vises som «<5» i "
        "sammenstillinger."
    )


def _reporting_circular(
    *, kind, number, year, numbers, audience, documents
) -> Circular:
    designation_year = year
    circular, created = Circular.objects.get_or_create(
        kind=kind,
        number=number,
        year=designation_year,
        defaults={
            "title": f"Årsberetning {year} – særskilt rapportering om mangfold og inkludering",
            "example": True,
            "issued_by": "Byrådet",
            "sent_on": datetime.date(year, 12, 15),
            "effective_from": datetime.date(year, 12, 15),
            "audience": audience,
            "body": _report_circular_body(kind, year),
            "contact": "Byrådsavdeling for finans",
            "reporting_year": year,
            "deadline": datetime.date(year + 1, 2, 20),
        },
    )
    if created:
        for order, (topic, number_text) in enumerate(numbers.items(), start=1):
            spec = TOPICS[topic]
            section = Section.objects.create(
                circular=circular,
                number=number_text,
                title=spec["title"],
                guidance=spec["guidance"],
                topic=topic,
                order=order,
            )
            for q_order, question in enumerate(spec["questions"], start=1):
                Question.objects.create(section=section, order=q_order, **question)
            apply_seed_rules(section)
        circular.documents.set(documents)
    return circular


def _documents() -> dict[str, Document]:
    documents = {}
    for spec in DOCUMENTS:
        document, _ = Document.objects.update_or_create(
            slug=spec["slug"], defaults=spec
        )
        documents[spec["slug"]] = document
    return documents


def _publish_drafts(circulars: list[Circular], by) -> list[Circular]:
    for circular in circulars:
        if circular.status == Circular.Status.DRAFT:
            publish_circular(circular=circular, by=by)
    return circulars


@transaction.atomic
def seed_library(*, by=None) -> list[Circular]:
    """Create (once) the documents of the seed page and rundskriv 8/2017."""
    documents = _documents()

    oxlo, created = Circular.objects.get_or_create(
        kind=Circular.Kind.RUNDSKRIV,
        number=8,
        year=2017,
        defaults={
            "title": "OXLO-guiden for likeverdige tjenester",
            "case_number": "201204898-35",
            "archive_code": "911",
            "issued_by": "Byrådet",
            "sent_on": datetime.date(2017, 1, 31),
            "effective_from": datetime.date(2017, 1, 1),
            "replaces_note": "Rundskriv 26/2013",
            "audience": list(UnitKind.values),
            "body": RUNDSKRIV_8_2017_BODY,
            "contact": "Toralv Moe, spesialrådgiver, Byrådsavdeling for kultur og næring",
            "signatures": "Eli Vorkinn, kommunaldirektør · Jan Fredrik Lockert, seksjonssjef",
        },
    )
    if created:
        oxlo.documents.set(
            [
                documents["mangfoldets-muligheter"],
                documents["stolte-oslo"],
                documents["handlingsplan-funksjonsnedsettelser"],
            ]
        )
    return _publish_drafts([oxlo], by)


@transaction.atomic
def seed_example_circulars(
    *, by=None, today: datetime.date | None = None
) -> list[Circular]:
    """Create (once) example circulars for this and last reporting year."""
    documents = _documents()
    circulars = []
    year = current_reporting_year(today or timezone.localdate())
    references = [
        documents[s]
        for s in (
            "handlingsplan-funksjonsnedsettelser",
            "stolte-oslo",
            "veileder-aktivitets-og-rapporteringsplikten",
            "handlingsplan-rekruttering-minoritetsbakgrunn",
        )
    ]
    for offset, (rundskriv_no, fellesskriv_no) in ((1, (22, 11)), (0, (24, 12))):
        circulars.append(
            _reporting_circular(
                kind=Circular.Kind.RUNDSKRIV,
                number=rundskriv_no,
                year=year - offset,
                numbers=ETAT_NUMBERS,
                audience=[UnitKind.ETAT, UnitKind.FORETAK, UnitKind.BYRADSAVDELING],
                documents=references,
            )
        )
        circulars.append(
            _reporting_circular(
                kind=Circular.Kind.FELLESSKRIV,
                number=fellesskriv_no,
                year=year - offset,
                numbers=BYDEL_NUMBERS,
                audience=[UnitKind.BYDEL],
                documents=references,
            )
        )
    return _publish_drafts(circulars, by)
