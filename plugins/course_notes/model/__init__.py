"""The course as data: what the notes say, derived progress, questions, readings, dates.

Every type is importable from here (``from course_notes.model import Week``).
"""

from __future__ import annotations

from .calendar import (
    Burnup,
    DatedWeek,
    DueItem,
    HistoryPoint,
    Now,
    Projection,
    Schedule,
)
from .course import (
    Cancelled,
    Course,
    Diagnostic,
    Group,
    Item,
    Note,
    Progress,
    ProgressState,
    Reading,
    Section,
    SectionKind,
    SourceLine,
    Subheading,
    Verbatim,
    Video,
    VideoTime,
    Week,
    WrittenDate,
)
from .questions import (
    Question,
    QuestionList,
    QuestionStatus,
    Topic,
)
from .readings import (
    Assignment,
    BookSection,
    CourseReading,
    Part,
    PartKind,
    ReadingList,
    Reference,
    References,
    SectionNumber,
)

__all__ = [
    "Assignment",
    "BookSection",
    "Burnup",
    "Course",
    "CourseReading",
    "DatedWeek",
    "Diagnostic",
    "DueItem",
    "Group",
    "HistoryPoint",
    "Item",
    "Note",
    "Now",
    "Part",
    "PartKind",
    "Progress",
    "ProgressState",
    "Projection",
    "Question",
    "QuestionList",
    "QuestionStatus",
    "Reading",
    "ReadingList",
    "Reference",
    "References",
    "Schedule",
    "Section",
    "SectionKind",
    "SectionNumber",
    "SourceLine",
    "Subheading",
    "Cancelled",
    "Verbatim",
    "Topic",
    "Video",
    "VideoTime",
    "Week",
    "WrittenDate",
]
