"""Quotes on real excerpts of the gold articles: one row per pattern, exact expectations.

Each row names the gold article it comes from; the expected quotes are the ones the gold file
lists for that passage (texts shortened to their first words here).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from extractor import lexicon

from .excerpts import excerpt

Expected = list[tuple[str, str, str | None]]  # kind, first words of the text, speaker

CASES: list[tuple[str, tuple[str, str, int, int], Expected]] = [
    (
        "quote-split-by-attribution",
        ("000", "There won’t be a war as far", 1, 0),
        [
            ("direct", "There won’t be a war", "Sergey Lavrov"),
            ("direct", "But we won’t let our interests", "Sergey Lavrov"),
        ],
    ),
    (
        "partial-in-narration-and-pronoun-speaker",
        ("000", "called on the West not to create", 4, 0),
        [
            ("partial", "panic,", "Volodymyr Zelensky"),
            ("direct", "I don’t consider the situation", "Volodymyr Zelensky"),
            ("direct", "We don’t need this panic,", "Volodymyr Zelensky"),
        ],
    ),
    (
        "indirect-with-said",
        ("000", "During the call, Putin said he wants", 1, 0),
        [("indirect", "he wants to continue dialogue", "Putin")],
    ),
    (
        "unnamed-official-gives-no-speaker",
        ("000", "The president of Russia said on Friday", 1, 0),
        [
            ("indirect", "the United States and its NATO allies", None),
            ("indirect", "Russia does not want a war", None),
        ],
    ),
    (
        "organization-speaks",
        ("000", "NATO said it was bolstering", 1, 0),
        [("indirect", "it was bolstering its deterrence", "NATO")],
    ),
    (
        "partial-and-whole-clause-quoted-after-that",
        ("000", "Emily Horne, a White House", 2, 0),
        [
            ("indirect", "the report, which was published by CNN", "Emily Horne"),
            ("partial", "not true", "Emily Horne"),
            ("direct", "Biden said that there is a distinct", "Emily Horne"),
            ("direct", "He has previously said this publicly", "Emily Horne"),
        ],
    ),
    (
        "colon-intro-and-quote-over-several-paragraphs",
        ("36", "She said: “The big risk", 4, 1),
        [
            ("indirect", "it was not for Russia", "Liz Truss"),
            ("direct", "The big risk is if there is an invasion", "Liz Truss"),
        ],
    ),
    (
        "pronoun-after-a-headline-link",
        ("01", "This is not a sum total", 1, 2),
        [
            ("indirect", 'the Pentagon is "continuously reviewing', "Kirby"),
            ("partial", "continuously reviewing our posture,", "Kirby"),
            ("partial", "additional posture decisions", "Kirby"),
            ("direct", "This is not a sum total", "Kirby"),
            ("direct", "We stand united.", "Kirby"),
        ],
    ),
    (
        "quote-paragraph-continues-the-speaker-before",
        ("07", "What is at stake for the people of Ukraine", 1, 1),
        [
            ("indirect", "the world had reached", "Annalena Baerbock"),
            ("partial", "one of the most dangerous moments", "Annalena Baerbock"),
            ("direct", "What is at stake for the people", "Annalena Baerbock"),
        ],
    ),
    (
        "headline-in-capitals-with-colon",
        ("02", "PENTAGON: RUSSIA BUILDUP", 1, 0),
        [
            ("indirect", "RUSSIA BUILDUP ON UKRAINE BORDER", "PENTAGON"),
            ("partial", "HORRIFIC", "PENTAGON"),
        ],
    ),
    (
        "scare-quote-after-the-term",
        ("01", 'the term "imminent"', 1, 0),
        [("indirect", 'she has not used the term "imminent"', "Jen Pskai")],
    ),
    (
        # "Amanpour also asked Zelensky about ... to dissuade Putin ... He said": the one asked
        # answers. (The quote runs on into the next paragraph, so here it is a fragment.)
        "pronoun-after-a-question-is-the-one-asked",
        ("05", "Amanpour also asked Zelensky", 1, 0),
        [
            ("indirect", "he was “grateful for the work", "Zelensky"),
            ("partial", "grateful for the work", "Zelensky"),
        ],
    ),
    (
        # "... Won't Trigger War With Russia Kallas said that ...": two subjects for one verb.
        "nearest-of-two-subjects-on-a-garbled-line",
        ("21", "Kallas said that training", 1, 0),
        [
            ("indirect", "training Ukraine’s forces", "Kallas"),
            ("direct", "Russia’s propaganda is about", "Kallas"),
        ],
    ),
    (
        # "Citing Germany's decision ..." is parsed as a sentence of its own; "the Russian
        # president" still refers to the subject of the sentence before it.
        "description-after-a-fragment-sentence",
        ("17", "Citing Germany", 2, 1),
        [
            ("indirect", "history was repeating itself", "Vladimir Putin"),
            ("direct", "It's unbelievable but true,", "Vladimir Putin"),
            ("direct", "We are again being threatened", "Vladimir Putin"),
        ],
    ),
    (
        # Verbs of judging out loud attribute the words they quote, though they report no
        # clause: "praised Zelenskiy as a “lion of democracy”", "slammed Putin for “...”".
        "fragment-quoted-by-a-verb-of-judging",
        ("41", "Morrison praised Zelenskiy", 2, 0),
        [
            ("partial", "lion of democracy", "Morrison"),
            ("partial", "aggression in the name of", "Anthony Albanese"),
        ],
    ),
    (
        # A phrase that describes an organization before its name: the name speaks.
        "organization-named-after-its-description",
        ("33", "safety agency Ukraerorukh", 1, 0),
        [
            ("indirect", "its flight from Madeira", "SkyUp"),
            ("indirect", "the airspace over the Black Sea", "Ukraerorukh"),
            ("partial", "zone of potential danger", "Ukraerorukh"),
        ],
    ),
    (
        "label-in-a-headline-is-not-a-quote",
        ("26", "FOREIGN AGENT", 1, 0),
        [],
    ),
]


def _quotes(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.words.text, q.speaker) for q in doc._.quotes]


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quotes_in_real_passages(
    annotate: Callable[[str], Doc], source: tuple[str, str, int, int], expected: Expected
) -> None:
    found = _quotes(annotate(excerpt(*source)))
    assert [(kind, speaker) for kind, _, speaker in found] == [(k, s) for k, _, s in expected]
    for (_, text, _), (_, start, _) in zip(found, expected, strict=True):
        assert text.startswith(start)


def test_unbalanced_marks_stay_in_their_paragraph(annotate: Callable[[str], Doc]) -> None:
    # 08: an opening mark never closed, then a paragraph that reopens and closes the quote.
    doc = annotate(excerpt("08", "and this says a lot", 2, 0))
    direct = [q for q in doc._.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].words.text.endswith("it requires a strong response,")


def test_stray_mark_does_not_swallow_the_article(annotate: Callable[[str], Doc]) -> None:
    text = excerpt("000", "Zelensky’s comment comes one day", 3, 0)
    broken = annotate(text.replace("“sacked”", "“sacked"))
    whole = annotate(text)

    def found(doc: Doc) -> list[tuple[str, str]]:
        return [(q.kind, q.words.text) for q in doc._.quotes]

    # The unclosed mark spoils its own paragraph only: every other quote is found as before.
    assert len(found(whole)) == 5
    assert found(broken)[1:] == found(whole)[1:]
    assert all("\n" not in text for _, text in found(broken))


def test_nested_quote_is_not_listed_again(annotate: Callable[[str], Doc]) -> None:
    doc = annotate(excerpt("34", "the propaganda campaign unleashed", 1, 0))
    texts = [q.words.text for q in doc._.quotes]
    assert "Russian aggression" not in texts
    assert any(t.startswith("the propaganda campaign") for t in texts)


def test_speaker_mention_and_cue_point_into_the_text(annotate: Callable[[str], Doc]) -> None:
    doc = annotate(excerpt("000", "There won’t be a war as far", 1, 0))
    first = doc._.quotes[0]
    assert first.speaker_mention is not None and first.cue is not None
    assert first.speaker_mention.text == "Foreign Minister Sergey Lavrov"
    assert first.cue.text == "said"


def test_dash_after_a_quote_names_the_speaker(annotate: Callable[[str], Doc]) -> None:
    # The issue's own example; no article of the corpus attributes a quote this way.
    doc = annotate(
        "Commissioner Geoffrey Starks spoke on Monday.\n\n“We need to act.” - "
        "Commissioner Geoffrey Starks"
    )
    assert [(q.kind, q.speaker) for q in doc._.quotes] == [("direct", "Geoffrey Starks")]


def test_quote_left_open_at_the_end_is_listed_once(annotate: Callable[[str], Doc]) -> None:
    doc = annotate("He said: “Russia must leave Ukraine now and forever")
    texts = [q.words.text for q in doc._.quotes]
    assert texts == ["Russia must leave Ukraine now and forever"]


# Who said one quote in a longer passage: (pattern, excerpt, first words of the quote, speaker).
SPEAKER_CASES: list[tuple[str, tuple[str, str, int, int], str, str | None]] = [
    # 'The U.S. ambassador to the OSCE, Daniel Baer, said in the U.S. statement: "..."'
    (
        "colon-closes-the-introducing-phrase",
        ("ua2014_article_49", "Daniel Baer, said in", 1, 0),
        "This report adds to our deep concerns",
        "Daniel Baer",
    ),
    # '"...," Oleksiy Danilov, the head of Ukraine’s National Security and Defense Council,
    # told Ukrainian TV on Thursday, according to the Wall Street Journal.'
    (
        "apposition-does-not-use-up-the-window",
        ("26", "Yes, it will be tough", 1, 0),
        "Yes, it will be tough",
        "Oleksiy Danilov",
    ),
    # 'Peskov called on Europe ... to assess the situation in Slovyansk where "aviation is
    # being used against the population," according to the report.'
    (
        "according-to-the-report-relays-the-speaker",
        ("ua2014_article_77", "aviation is being used", 1, 0),
        "aviation is being used",
        "Dmitry Peskov",
    ),
    # 'Russia's Foreign Ministry has called on ... "...," the ministry said': the ministry
    # named before, with the country that owns it.
    (
        "the-ministry-is-the-one-named-before",
        ("ua2014_article_77", "the ministry said in a statement", 1, 0),
        "As we repeatedly warned",
        "Russia's Foreign Ministry",
    ),
    # 'Ukraine.1:13 "There is a lot of uncertainty ...," Lt.-Gen. Yvan Blondin said': the
    # full stop of an abbreviated title does not end the attribution; a video's timestamp
    # before the quote does not make it a fragment.
    (
        "abbreviated-title-before-the-speaker",
        ("ua2014_article_69", "There is a lot of uncertainty", 1, 0),
        "There is a lot of uncertainty",
        "Yvan Blondin",
    ),
    # 'Lieut.-Gen. Yvan Blondin and Defence Minister Rob Nicholson say Canadian fighter pilots
    # will be training ...': joint speakers are taken to be the first named.
    (
        "joint-speakers-first-named",
        ("ua2014_article_69", "There is a lot of uncertainty", 1, 0),
        "Canadian fighter pilots will be training",
        "Yvan Blondin",
    ),
    # '..., according to former astronaut and Navy captain, Sen. Mark Kelly.' then a quote
    # paragraph: the name closing the sentence is the source, and goes on speaking.
    (
        "name-closing-an-according-to-sentence",
        ("52", "according to former astronaut", 2, 0),
        "Look at the level of incompetence",
        "Mark Kelly",
    ),
    # 'the Ukrainian president requested Australia send Bushmaster armoured vehicles ...,
    # saying they would “...”': the participle after a comma is the requester's, not
    # Australia's.
    (
        "participle-belongs-to-the-outer-clause",
        ("41", "the Ukrainian president requested", 1, 1),
        "do much more for our common freedom",
        "Volodymyr Zelenskiy",
    ),
    # 'following Joe Biden’s comment that “things could go crazy quickly”'
    (
        "owner-of-a-comment",
        ("28", "following Joe Biden", 1, 0),
        "things could go crazy quickly",
        "Joe Biden",
    ),
    # 'A White House statement said Biden made clear the US would “respond swiftly ...”': the
    # report inside the report is Biden's.
    (
        "made-clear-reports-speech",
        ("33", "A White House statement said Biden made clear", 1, 0),
        "respond swiftly and decisively",
        "Biden",
    ),
    # '"...," the U.S. Embassy in Moscow warned': an embassy is named with its place.
    (
        "embassy-named-with-its-place",
        ("26", "U.S. citizens residing", 1, 0),
        "U.S. citizens residing",
        "U.S. Embassy in Moscow",
    ),
    # '..., the Russian foreign ministry said. “...,” the ministry added.'
    (
        "the-ministry-named-more-fully-before",
        ("34", "It was emphasised that these issues", 1, 1),
        "It was emphasised",
        "Russian foreign ministry",
    ),
    # 'The ministry has insisted ...' in an article that never says which: as written.
    (
        "unnamed-ministry-as-written",
        ("52", "returned safely to their home", 1, 0),
        "returned safely",
        "ministry",
    ),
    # 'The joint statement issued by the Quad foreign ministers ... stressed “...”': the
    # phrase names its issuer in words we cannot resolve, so no earlier statement's issuer
    # is borrowed.
    (
        "issuer-named-but-unresolved-stays-unnamed",
        ("28", "The joint statement issued by the Quad", 1, 0),
        "the importance of adherence",
        None,
    ),
    # 'Rep. Andy Biggs ... sent a letter to Biden ... "...," the letter states.'
    (
        "document-of-the-same-kind-named-far-back",
        ("18", "Rep. Andy Biggs, R-Ariz", 12, 0),
        "Congress must weigh",
        "Andy Biggs",
    ),
    # 'In a Tuesday tweet the Russian Ministry of Foreign Affairs said ... "...," the
    # statement added.': the document spoken through names its issuer; the day does not.
    (
        "document-spoken-through",
        ("12", "In a Tuesday tweet", 2, 0),
        "While advancing its military",
        "Russian Ministry of Foreign Affairs",
    ),
    # 'Russia's Foreign Ministry ... Ukraine's Foreign Ministry has rejected ... the Foreign
    # Ministry accused Moscow of supporting "terrorist groups"': the country it was last
    # named with.
    (
        "body-named-without-its-country",
        ("ua2014_article_77", "the Foreign Ministry accused", 1, 0),
        "terrorist groups",
        "Ukraine's Foreign Ministry",
    ),
    # Headline 'OSCE team says Crimea gunmen threatened to shoot at them', then '... a report
    # on the failed mission said. The mission report ... gave new detail ... "...," it said.':
    # a report whose issuer the article never names is the one the headline says spoke.
    (
        "report-of-the-source-in-the-headline",
        ("ua2014_article_49", "OSCE team says Crimea", 3, 0),
        "Despite repeated attempts",
        "OSCE team",
    ),
    # '... and Republicans say they are "concerned" Biden may send troops to Ukraine "at the
    # first sign of Russian intrusion."': the full stop inside the quote hangs from "says"
    # of the letter in the parse; the words hang from the Republicans' "say".
    (
        "words-not-punctuation-find-the-verb",
        ("18", "The letter to Biden, obtained first", 1, 0),
        "at the first sign",
        "Republicans",
    ),
    # 'But although Downing Street agreed the 2% target was outdated, it said there needed to
    # be a “reality check” ...': "it" is the seat of government that is the subject of a
    # clause before it in the sentence.
    (
        "it-said-after-a-seat-of-government",
        ("19", "But although Downing Street", 1, 0),
        "reality check",
        "Downing Street",
    ),
    # 'And in Moscow, it was announced that Putin would ...': the passive names nobody.
    (
        "it-was-announced-is-nobody",
        ("07", "it was announced that Putin", 1, 0),
        "Putin would this weekend",
        None,
    ),
    # 'A senior EU diplomat told EUobserver “the mood has shifted” since she met Russian
    # leader Vladimir Putin ... “I don’t have the feeling ...”, he said': the unnamed
    # diplomat, not the name inside his clause.
    (
        "unnamed-subject-outranks-a-name-in-its-clause",
        ("ua2014_article_61", "A senior EU diplomat told", 1, 0),
        "I don’t have the feeling",
        None,
    ),
    # 'He said ... that the EU should keep repeating that Crimea is “occupied” or “annexed"':
    # what he says the EU should say is his.
    (
        "what-others-should-say",
        ("ua2014_article_61", "A senior EU diplomat told", 1, 0),
        "occupied",
        "Kostiantyn Yelisieiev",
    ),
    # 'The Kremlin summary of the call signaled ..., saying the letters “did not take into
    # account ...”': a summary is a document, and the Kremlin issued it.
    (
        "summary-of-a-seat-of-government",
        ("13", "The Kremlin summary of the call", 1, 0),
        "did not take into account",
        "Kremlin",
    ),
    # 'Stephane Dujarric, the spokesman for ..., acknowledged those frustrations. “The
    # complicating factor ...”': a speech verb with no clause, then the words.
    (
        "quote-after-a-speech-verb-with-no-clause",
        ("09", "Stephane Dujarric, the spokesman", 1, 0),
        "The complicating factor",
        "Stephane Dujarric",
    ),
    # 'Nuland said Moscow continues to deny ...' at the start of a flattened article: the
    # parser makes "Nuland" a sentence of its own.
    (
        "name-split-off-before-its-verb",
        ("ua2014_article_43", "Nuland said Moscow", 1, 0),
        "Moscow continues to deny",
        "Nuland",
    ),
    # 'the US said it had seen no change ..., according to Pentagon spokesperson Maj. Gen.
    # Patrick Ryder': the person named as the source spoke for the country.
    (
        "person-according-to-over-a-country",
        ("04", "according to Pentagon spokesperson", 1, 0),
        "it had seen no change",
        "Patrick Ryder",
    ),
    # 'Russian energy giant Gazprom says ... It says in a statement that ... the “technical
    # condition of the engine”': the name is the organization the model tagged elsewhere.
    (
        "organization-named-again-untagged",
        ("46", "Gazprom to drastically", 5, 0),
        "technical condition of the engine",
        "Gazprom",
    ),
    # 'Meanwhile, 36-year-old Andrey is more skeptical. "If Russia treats us like ..."': the
    # sentence before says how he stands; his words follow.
    (
        "words-after-how-someone-stands",
        ("ua2014_article_80", "36-year-old Andrey", 1, 0),
        "If Russia treats us",
        "Andrey",
    ),
    # '..., a U.S. spy report says. The Intelligence Community released its annual threat
    # assessment report that "focuses on ..."': a report first met without its issuer, named
    # in the next sentence.
    (
        "report-whose-issuer-comes-next",
        ("25", "a U.S. spy report says", 2, 0),
        "increasingly fragile global order",
        "Intelligence Community",
    ),
    # '"...," Kelly, D-AZ., told Fox News ... during an interview Thursday. "The level of
    # incompetence ..."': the full stop before a comma ends no sentence, and the one name
    # between the quote and a verb whose subject the parser lost is who told.
    (
        "name-before-a-verb-that-lost-its-subject",
        ("52", "according to former astronaut", 2, 0),
        "The level of incompetence in the Russian",
        "Mark Kelly",
    ),
    # 'The Nato document states that China’s “malicious hybrid and cyber operations ...”'
    (
        "document-of-a-named-body",
        ("19", "The Nato document states", 1, 0),
        "malicious hybrid and cyber",
        "Nato",
    ),
    # 'The second question was about Crimea remaining part of Ukraine with a small change to
    # its status: "Are you in favor of reinstating ...?"': a ballot's question, nobody's.
    (
        "question-a-thing-puts",
        ("ua2014_article_80", "The first question was clear", 1, 0),
        "Are you in favor of reinstating",
        None,
    ),
    # 'He said he was “grateful ...” [a quote paragraph] He continued: “...”'
    (
        "pronoun-carries-on-the-pronoun-before",
        ("05", "He continued: “We are not", 1, 3),
        "We are not really living in delusion",
        "Zelensky",
    ),
    # 'The US image company Maxar said ... Annalena Baerbock, said ... She also warned': a
    # bare name with no title or known gender is no antecedent for "she" when a woman was.
    (
        "she-points-to-the-woman-named",
        ("07", "She also warned the scale", 1, 7),
        "had dramatically increased",
        "Annalena Baerbock",
    ),
    # 'The 36-page report came as Beth Van Schaack, the US ambassador-at-large ..., said ...
    # She added she did not think': a document as the subject stands for no person.
    (
        "a-document-subject-does-not-block-she",
        ("48", "She added she did not think", 1, 1),
        "she did not think Putin",
        "Beth Van Schaack",
    ),
    # '“We are here to honour ...,” said Mr Svyatoslav Regushevsky, a 46-year-old who brought
    # his son, wearing a ski jacket ..., to the unity rally. “They cannot seize Crimea ...,” he
    # said': the parser makes the name the subject of a clause of "said"; it is the speaker,
    # and the one "he" points back to.
    (
        "name-after-an-inverted-cue",
        ("ua2014_article_56", "said Mr Svyatoslav Regushevsky", 1, 0),
        "We are here to honour",
        "Svyatoslav Regushevsky",
    ),
    (
        "he-after-an-inverted-cue",
        ("ua2014_article_56", "said Mr Svyatoslav Regushevsky", 1, 0),
        "They cannot seize Crimea",
        "Svyatoslav Regushevsky",
    ),
    # 'The Russian Foreign Ministry called the Luhansk incident an air strike. "...," a
    # statement on the ministry's website said': the owner of the website speaks.
    (
        "statement-on-a-bodys-website",
        ("ua2014_article_73", "a statement on the ministry's website said", 1, 0),
        "The authorities in Kiev have committed",
        "The Russian Foreign Ministry",
    ),
    # '... the Tennessee-based company EFS Investment Partners LLC, whose Facebook page says
    # it offers "financial planning" services'
    (
        "whose-page-says",
        ("ua2014_article_87", "whose Facebook page says", 1, 0),
        "it offers",
        "EFS Investment Partners LLC",
    ),
    # A known organization's name runs on past "in": "the Organization for Security and
    # Cooperation in Europe announced it will send observers"
    (
        "an-organizations-whole-name",
        ("ua2014_article_65", "Cooperation in Europe announced", 1, 0),
        "it will send observers",
        "Organization for Security and Cooperation in Europe",
    ),
]


@pytest.mark.parametrize(
    ("source", "start", "speaker"),
    [c[1:] for c in SPEAKER_CASES],
    ids=[c[0] for c in SPEAKER_CASES],
)
def test_speaker_of_one_quote(
    annotate: Callable[[str], Doc],
    source: tuple[str, str, int, int],
    start: str,
    speaker: str | None,
) -> None:
    found = [s for _, text, s in _quotes(annotate(excerpt(*source))) if text.startswith(start)]
    assert found == [speaker]


# Constructed sentences, kept apart from the real passages above: each guards a rule against
# the wrong speaker it could give (a review found these), where no article of ours has the
# shape.
GUARDS: list[tuple[str, str, str | None]] = [
    # The words that name an office must be in the title: "the interior minister" is not the
    # former prime minister named before, whom "minister" was written beside.
    (
        "Parliament voted to free jailed former prime minister Yulia Tymoshenko on Saturday."
        " The newly-installed interior minister declared that the police now stood with the"
        " demonstrators.",
        "the police now stood",
        None,
    ),
    # A phrase with a common-noun head is the body's name as written, not its last word.
    (
        "The press service of the Ministry of Defence said the troops had withdrawn.",
        "the troops had withdrawn",
        "press service of the Ministry of Defence",
    ),
    # A day after "on" is not part of an organization's name.
    ("Gazprom on Thursday said it would cut supplies.", "it would cut supplies", "Gazprom"),
    # Two people in one subject: nobody rather than the wrong one.
    (
        "Biden and Harris's chief of staff Jeff Zients said the plan would work.",
        "the plan would work",
        None,
    ),
    # A copula that says nothing of a view does not introduce the next quote, which stays
    # with the speaker just before it.
    (
        "Russian ambassador Anatoly Antonov said Moscow would not back down. Vladimir Putin is "
        "determined to win. “We will fight until the end.”",
        "We will fight until the end.",
        "Anatoly Antonov",
    ),
    # Words about a person ("He will ...") are not that person's.
    (
        "Alexei Navalny is in prison. “He will never be released while Putin is alive.”",
        "He will never be released",
        None,
    ),
    # "its own report" is another report than the one "a report says".
    (
        "Russia has lost 300 tanks in a month, a report says. The Kremlin released its own "
        "report on Monday denying the losses.",
        "Russia has lost 300 tanks",
        None,
    ),
    # A cited person's words are not the citer's.
    ("Volodymyr Zelensky cited Winston Churchill, “We shall never surrender.”", "We shall", None),
    # A country in the headline does not issue "the report".
    (
        "Ukraine says Russia lost 300 tanks\nRussia has lost 300 tanks since January, the "
        "report said.",
        "Russia has lost 300 tanks since",
        None,
    ),
    # "the former Russian president" is not the president named elsewhere in the article.
    (
        "Russia will win, Russian President Vladimir Putin said on Monday. Dmitry Medvedev "
        "warned of nuclear war. “There simply wouldn’t be any other solution,” the former "
        "Russian president added.",
        "There simply wouldn’t be",
        "Dmitry Medvedev",
    ),
    # "also known as" after a verb and another name gives the first one no alias.
    (
        "Kallas met Stoltenberg, also known as Jens, in Tallinn. Jens said the alliance was ready.",
        "the alliance was ready",
        "Jens",
    ),
]


# One id per GUARDS row, in order, naming the wrong speaker each row guards against.
GUARD_IDS = [
    "an-office-is-named-by-all-its-words",
    "a-body-named-by-its-whole-phrase",
    "a-day-is-no-part-of-a-name",
    "two-people-in-one-subject-give-nobody",
    "a-copula-introduces-no-quote",
    "words-about-a-person-are-not-theirs",
    "its-own-report-is-another-report",
    "a-cited-persons-words-are-not-the-citers",
    "a-headline-country-issues-no-report",
    "the-former-president-is-not-the-current-one",
    "also-known-as-after-another-name-is-no-alias",
]


@pytest.mark.parametrize(("sentence", "start", "speaker"), GUARDS, ids=GUARD_IDS)
def test_guards_against_a_wrong_speaker(
    annotate: Callable[[str], Doc], sentence: str, start: str, speaker: str | None
) -> None:
    found = [s for _, text, s in _quotes(annotate(sentence)) if text.startswith(start)]
    assert found == [speaker]


def test_a_common_surname_alone_is_not_a_public_figure(annotate: Callable[[str], Doc]) -> None:
    doc = annotate("Patel told reporters the talks went well.")
    assert [(p.name, p.country, p.gender) for p in doc._.people] == [("Patel", None, None)]


@pytest.mark.parametrize(
    "phrase", [" ".join(words) for words in lexicon.source_phrases()], ids=lambda p: p
)
def test_each_source_phrase_in_the_data_names_its_source(
    annotate: Callable[[str], Doc], phrase: str
) -> None:
    # The phrases are rule data (models/cue_phrases.txt): each one, wherever it comes from,
    # makes the clause it qualifies reported speech of the person it names.
    text = (
        "Jens Stoltenberg is the secretary general of NATO.\n\n"
        f"The alliance will send more ships to the region, {phrase} Jens Stoltenberg."
    )
    quotes = [(q.kind, q.words.text, q.speaker) for q in annotate(text)._.quotes]
    assert quotes == [
        ("indirect", "The alliance will send more ships to the region", "Jens Stoltenberg")
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The minister said “We will answer them all today.”", id="space-after-cue"),
        pytest.param("The minister said,“We will answer them all today.”", id="comma-glued"),
    ],
)
def test_a_whole_clause_after_a_cue_is_a_direct_quote(
    annotate: Callable[[str], Doc], text: str
) -> None:
    # (the character before the mark is a space in the first: the cue is the word before it)
    assert [(q.kind, q.words.text) for q in annotate(text)._.quotes] == [
        ("direct", "We will answer them all today.")
    ]
