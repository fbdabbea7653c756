"""What the reader's patterns share across scripts: a letter, a capital, and the words
students write before a book's parts (``ch 4``, ``Kap. 3``, ``bab 2``, ``κεφ. 5``)."""

from __future__ import annotations

# A book's chapters, in English, German, Spanish, Portuguese, Italian, French, Dutch, Polish,
# Czech, Turkish, Hungarian, Russian, Indonesian, Finnish, Norwegian, Greek, Vietnamese and
# Arabic: what the reader takes for a book's part in any section, and the reading list
# splits off a title.
BOOK_CHAPTER_WORDS = (
    r"chapters?|chaps?|chs?|kapitel|kap|cap[ií]tulos?|capitolo|capp|caps?|chapitres?|hoofdstuk|"
    r"hfst|rozdz|rozdzia[łl]y?|kapitola|b[öo]l[üu]m|fejezet|глава|гл|bab|luku|kapittel|"
    r"κεφ[άα]λαιο|κεφ|ch[ươ]{1,2}ng|الفصل|فصل|розд|розділи?"
)
# A lab manual's experiments and a book's appendices are its parts too ("manual expt 3"),
# but only after a work's name: "Versuch 3" alone is a lab session, no reading.
CHAPTER_WORDS = (
    rf"{BOOK_CHAPTER_WORDS}|expts?|experiments?|versuch|appendix|appendices|anhang|"
    r"ap[ée]ndices?|annexes?|bl"
)

# Letters that open a name, for a character class: the capitals of Latin, Greek and Cyrillic
# (the Latin Extended-A block holds both cases, so its small letters too): what opens
# an author's name and initials ("Яковенко Н.", "Łoś J.").
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017e\u0391-\u03a9\u0400-\u042f"

# A letter, or a mark that joins a letter in Thai, Hindi or Arabic script (Python's \w
# takes no combining mark: "สัปดาห์ที่" would break at its first vowel sign).
LETTER = r"(?:[^\W\d_]|[\u064b-\u065f\u0900-\u0903\u093a-\u094f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"
