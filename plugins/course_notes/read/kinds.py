"""Section headings to kinds (videos, readings, exercises...) by the words in them."""

from __future__ import annotations

from collections.abc import Mapping

from .. import regex
from ..model import (
    SectionKind,
)

S = SectionKind


# The words that give a section its kind, matched case-insensitively as whole words in
# the heading (punctuation ignored):
#
#   slides      slides, slide, lecture slides, lectures
#   attendance  attendance, attended, tutorials attended
#   exercises   exercises, exercise, homework, problem sets, problem set, labs, lab,
#               tutorials, tutorial, assignments, assignment, quizzes, quiz
#   videos      videos, video, video recordings, recordings, recording,
#               lecture recordings, watch
#   readings    readings, reading, papers, paper, textbook, textbooks
#
# Where a heading names several kinds: a keyword that is the whole heading decides; else an
# attendance word anywhere decides (``lecture attendance, videos and notes`` and
# ``tutorials attended`` are about attending); else the keyword that comes first in the
# heading, the longest at the same place (``lecture recordings`` is videos, ``video
# recordings & notes`` videos, ``homework and readings`` exercises). ``lecture`` alone is
# no keyword, so ``lecture videos`` is videos. Headings with none of them are kind other.
# ``parse(text, sections=...)`` adds words or gives existing ones another kind.
SECTION_KEYWORDS: dict[str, SectionKind] = {
    "slides": S.SLIDES,
    "slide": S.SLIDES,
    "lecture slides": S.SLIDES,
    "lectures": S.SLIDES,
    "attendance": S.ATTENDANCE,
    "attended": S.ATTENDANCE,
    "tutorials attended": S.ATTENDANCE,
    "exercises": S.EXERCISES,
    "exercise": S.EXERCISES,
    "homework": S.EXERCISES,
    "hw": S.EXERCISES,
    "hws": S.EXERCISES,
    "problem sets": S.EXERCISES,
    "problem set": S.EXERCISES,
    "labs": S.EXERCISES,
    "lab": S.EXERCISES,
    "tutorials": S.EXERCISES,
    "tutorial": S.EXERCISES,
    "assignments": S.EXERCISES,
    "assignment": S.EXERCISES,
    "quizzes": S.EXERCISES,
    "quiz": S.EXERCISES,
    "videos": S.VIDEOS,
    "video": S.VIDEOS,
    "vids": S.VIDEOS,
    "vid": S.VIDEOS,
    "prelab": S.EXERCISES,
    "prelabs": S.EXERCISES,
    "read": S.READINGS,
    "rdg": S.READINGS,
    "rdgs": S.READINGS,
    "video recordings": S.VIDEOS,
    "recordings": S.VIDEOS,
    "recording": S.VIDEOS,
    "lecture recordings": S.VIDEOS,
    "watch": S.VIDEOS,
    "readings": S.READINGS,
    "reading": S.READINGS,
    "papers": S.READINGS,
    "paper": S.READINGS,
    "textbook": S.READINGS,
    "textbooks": S.READINGS,
    # German, Spanish, French, Italian, Portuguese, Dutch and the Scandinavian languages, as
    # a course in each says it.
    **dict.fromkeys(
        "folien vorlesung vorlesungen vl diapositivas diapos transparencias diapositives "
        "transparents lucidi diapositive slides dia cours amphi colleges college hoorcolleges "
        "hoorcollege hc föreläsningar föreläsning forelesninger forelesning forelæsninger "
        "forelæsning".split(),
        S.SLIDES,
    ),
    **dict.fromkeys(
        "anwesenheit asistencia clases clase présence presence presenza presenze presença presenca "
        "aanwezigheid seminar seminars seminare seminario seminarios séminaire séminaires "
        "seminari werkgroep seminarium seminarier närvaro".split(),
        S.ATTENDANCE,
    ),
    **dict.fromkeys(
        "übung übungen übungsblatt übungsblätter aufgaben hausaufgaben blatt praktikum "
        "tutorium ejercicios ejercicio tareas entregas prácticas practicas exercices devoirs "
        "td tp esercizi esercitazioni compiti exercícios exercicios tarefas oefeningen "
        "opdrachten opgaven werkcolleges werkcollege wc prac pracs practical practicals "
        "worksheets worksheet tasks task problems övningar övning uppgifter uppgift inlämning "
        "inlämningar laboration laborationer øvelser oppgaver opgaver".split(),
        S.EXERCISES,
    ),
    "problem sheets": S.EXERCISES,
    **dict.fromkeys(
        "listening listen vídeos grabaciones aufzeichnungen aufnahmen vidéos enregistrements "
        "registrazioni gravações gravacoes opnames clips podcasts screencasts documentaries "
        "documentary documentales documental dokumentation dokumentationen documentaires "
        "documentaire documentari documentario documentários documentarios films film "
        "películas peliculas echo panopto inspelningar inspelning videor screening screenings "
        "viewing viewings sichtung sichtungen proyección proyecciones projection projections "
        "proiezione proiezioni visionnage exibição vertoning vertoningen ascolti ascolto "
        "écoutes écoute ecoutes ecoute escuchas audiciones audições audicoes hörbeispiele "
        "replays replay rediffusions recorded".split(),
        S.VIDEOS,
    ),
    **dict.fromkeys(
        "lektüre lekture literatur lesen texte lecturas lectura bibliografía bibliografia "
        "textes letture lettura leituras leitura literatuur lezen articles chapters book "
        "books libro livre läsning litteratur kurslitteratur pensum lesing læsning".split(),
        S.READINGS,
    ),
    "reading list": S.READINGS,
    # Polish, Czech, Turkish, Dutch, Hungarian, Indonesian and Russian, as a course in each
    # says it.
    **dict.fromkeys(
        "slajdy prezentacje slidy slaytlar sunumlar sunum slide-ok materi слайды презентация "
        "презентации".split(),
        S.SLIDES,
    ),
    **dict.fromkeys(
        "obecność obecnosc obecności obecnosci docházka dochazka prezence yoklama devam "
        "jelenlét jelenlet absen presensi kehadiran посещаемость посещение".split(),
        S.ATTENDANCE,
    ),
    **dict.fromkeys(
        "ćwiczenia cwiczenia zadania zadanie laboratorium úkoly ukoly úkol ukol cvičení "
        "cviceni ödev ödevler odev odevler uygulama házi hazi feladat feladatok gyakorlat "
        "tugas latihan kuis домашка дз домашнее задание задания упражнения практика "
        "семинар семинары".split(),
        S.EXERCISES,
    ),
    **dict.fromkeys(
        "nagrania nagranie filmy wideo videa záznamy zaznamy videolar kayıtlar kayitlar "
        "kennisclips kennisclip weblectures weblecture videók videok videó rekaman gravação "
        "podcast podcasts 영상 동영상 "
        "gravacao grabación grabacion "
        "видео записи запись".split(),
        S.VIDEOS,
    ),
    **dict.fromkeys(
        "doutrina jurisprudência jurisprudencia doctrina jurisprudencia "
        "czytać czytac czytanie lektura lektury literatura četba cetba okuma okumalar "
        "kaynaklar olvasmány olvasmany olvasmányok olvasnivaló bacaan литература чтение "
        "учебник".split(),
        S.READINGS,
    ),
    # Vietnamese, Greek, Arabic, Hindi (in Latin letters), Hebrew, Finnish, Romanian,
    # Ukrainian, Danish: phrases whole.
    **dict.fromkeys(
        (
            "đọc",
            "tài liệu đọc",
            "διάβασμα",
            "قراءة",
            "القراءة",
            "padhna",
            "padhai",
            "קריאה",
            "קריאות",
            "חומר קריאה",
            "lukemista",
            "luettavaa",
            "lectură",
            "lectura obligatorie",
            "література",
            "читання",
        ),
        S.READINGS,
    ),
    **dict.fromkeys(
        ("bài tập", "ασκήσεις", "تمارين", "واجبات", "תרגול", "תרגילים", "harjoitukset"),
        S.EXERCISES,
    ),
    **dict.fromkeys(("điểm danh", "حضور"), S.ATTENDANCE),
    **dict.fromkeys(("ghi hình", "βίντεο", "فيديو", "הקלטות", "הקלטה", "tallenteet"), S.VIDEOS),
    **dict.fromkeys(("διαφάνειες", "شرائح"), S.SLIDES),
}

# Signs that give a kind where the words say nothing (``### 🎧``, ``**📖**``).
SECTION_SIGNS: dict[str, SectionKind] = {
    **dict.fromkeys("\U0001f4d6\U0001f4da\U0001f4d1\U0001f4c4", S.READINGS),
    **dict.fromkeys("\U0001f3a7\U0001f4fa\U0001f3ac\u25b6\U0001f3a5\U0001f4f9", S.VIDEOS),
    **dict.fromkeys("\u270d\U0001f4dd\U0001f9ea\U0001f52c\u270f", S.EXERCISES),
    **dict.fromkeys("\U0001f5bc\U0001f4ca", S.SLIDES),
}


del S


_WORD = regex.compile(r"[^\W_]+")
# Words that say what comes before a class: a word after them names the section's kind.
_BEFORE = frozenset(("prelab", "prelabs"))
# Where recordings are watched: a section of lectures named with one holds recordings.
_VIDEO_STEMS = ("video", "vídeo", "vidéo", "videos", "vídeos", "vidéos", "відео", "видео")
_PLATFORMS = frozenset("panopto echo echo360 kaltura youtube recorded recordings mediasite".split())
# "Recorded" in the languages the reader knows, after a class's word.
_RECORDED = frozenset(
    "grabada grabadas grabado grabados gravada gravadas gravado gravados registrata registrate "
    "registrato registrati enregistré enregistrée enregistrés enregistrées aufgezeichnet "
    "aufgezeichnete opgenomen".split()
)
_RECORDING_ENDS = ("aufzeichnung", "aufzeichnungen", "opname", "opnames")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


# Section words in Japanese, Chinese and Korean, found inside a title ("読むもの",
# "讲座视频", "읽을거리"): the first language writes no spaces between words, the others'
# words take endings.
_CJK_WORDS = (
    ("動画", SectionKind.VIDEOS),
    ("録画", SectionKind.VIDEOS),
    ("视频", SectionKind.VIDEOS),
    ("录像", SectionKind.VIDEOS),
    ("영상", SectionKind.VIDEOS),
    ("녹화", SectionKind.VIDEOS),
    ("読", SectionKind.READINGS),
    ("文献", SectionKind.READINGS),
    ("教科書", SectionKind.READINGS),
    ("阅读", SectionKind.READINGS),
    ("教材", SectionKind.READINGS),
    ("论文", SectionKind.READINGS),
    ("읽", SectionKind.READINGS),
    ("교재", SectionKind.READINGS),
    ("문헌", SectionKind.READINGS),
    ("出席", SectionKind.ATTENDANCE),
    ("签到", SectionKind.ATTENDANCE),
    ("出勤", SectionKind.ATTENDANCE),
    ("출석", SectionKind.ATTENDANCE),
    ("課題", SectionKind.EXERCISES),
    ("宿題", SectionKind.EXERCISES),
    ("テスト", SectionKind.EXERCISES),
    ("演習", SectionKind.EXERCISES),
    ("リアペ", SectionKind.EXERCISES),
    ("作业", SectionKind.EXERCISES),
    ("练习", SectionKind.EXERCISES),
    ("과제", SectionKind.EXERCISES),
    ("숙제", SectionKind.EXERCISES),
    ("실습", SectionKind.EXERCISES),
    ("퀴즈", SectionKind.EXERCISES),
    ("スライド", SectionKind.SLIDES),
    ("資料", SectionKind.SLIDES),
    ("课件", SectionKind.SLIDES),
    ("幻灯片", SectionKind.SLIDES),
    ("슬라이드", SectionKind.SLIDES),
    ("강의자료", SectionKind.SLIDES),
)


class SectionKinds:
    """Section headings to kinds, by the keywords of ``SECTION_KEYWORDS`` and any extra."""

    def __init__(self, extra: Mapping[str, SectionKind] | None = None) -> None:
        table: dict[tuple[str, ...], SectionKind] = {}
        for words, kind in (*SECTION_KEYWORDS.items(), *(extra or {}).items()):
            if _words(words):
                table[_words(words)] = kind
        self.whole = table
        # Longest first at each first word, so "lecture recordings" beats "lecture...".
        self.by_first: dict[str, list[tuple[tuple[str, ...], SectionKind]]] = {}
        for words, kind in sorted(table.items(), key=lambda pair: -len(pair[0])):
            self.by_first.setdefault(words[0], []).append((words, kind))
        self.known: dict[str, SectionKind] = {}

    def kind(self, title: str) -> SectionKind:
        """The kind of a section heading's text; ``SectionKind.OTHER`` when no keyword is in it."""
        known = self.known.get(title)
        if known is None:
            words = _words(title)
            known = self._kind(words)
            if not title.isascii() and (
                known is SectionKind.OTHER
                # "📚 Lectures": French readings, as the sign says; English "lectures" are
                # slides, but a sign beside the word settles which.
                or (known is SectionKind.SLIDES and ("lectures" in words or "lecture" in words))
            ):
                known = next((SECTION_SIGNS[c] for c in title if c in SECTION_SIGNS), known)
            if known is SectionKind.OTHER and not title.isascii():
                # Japanese and Chinese write no spaces between words: looked for inside.
                known = next((kind for part, kind in _CJK_WORDS if part in title), known)
            self.known[title] = known
        return known

    def _kind(self, words: tuple[str, ...]) -> SectionKind:
        if not words:
            return SectionKind.OTHER
        whole = self.whole.get(words)
        if whole is not None:
            return whole
        if not _RECORDED.isdisjoint(words) or any(word.endswith(_RECORDING_ENDS) for word in words):
            # "Clases grabadas", "Aulas gravadas", "Lezioni registrate", "Cours enregistrés",
            # "Vorlesungsaufzeichnungen": the classes as recorded, whatever the class's word.
            return SectionKind.VIDEOS
        first: SectionKind | None = None
        before: SectionKind | None = None
        for start, word in enumerate(words):
            if start and words[start - 1] == "pre":
                # "pre-lab reading", "pre-lecture videos": what comes before a lab or a
                # lecture, named by the word after.
                continue
            for keyword, kind in self.by_first.get(word, ()):
                if words[start : start + len(keyword)] == keyword:
                    if kind is SectionKind.ATTENDANCE:
                        return kind
                    if word in _BEFORE and start + 1 < len(words):
                        # "prelab reading": the reading; "prelab" alone is the lab's prep.
                        before = before or kind
                    else:
                        first = first or kind
                    break
        found = first or before or SectionKind.OTHER
        if found is SectionKind.OTHER and any(
            word.startswith(_VIDEO_STEMS) or word.endswith(_VIDEO_STEMS) for word in words
        ):
            # "Videoaulas", "Videolezioni", "Vorlesungsvideos": a video word in a compound.
            return SectionKind.VIDEOS
        if found is SectionKind.SLIDES and not _PLATFORMS.isdisjoint(words):
            # "Lectures (Panopto)": the lectures as recorded, on the platform named.
            return SectionKind.VIDEOS
        return found
