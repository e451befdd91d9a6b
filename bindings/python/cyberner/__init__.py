"""cyberner: named entities in French and English cyber-policy text.

A ctypes interface to libcyberner. The library is found through the
CYBERNER_LIBRARY environment variable (a full path), then a libcyberner.so*
next to this package, then ctypes.util.find_library("cyberner"); it is loaded
on first use.

    >>> import cyberner
    >>> with cyberner.Tagger() as tagger:
    ...     doc = tagger("L'ANSSI coopère avec la Corée du Sud.")
    ...     [(e.text, e.label, e.id) for e in doc.ents]
"""

from ._lib import EXPECTED_MAJOR, CyberNERError, LibraryNotFoundError
from .tagger import (LABELS, DictProblem, DictReport, Doc, Entity, Language, Sentence, Tagger,
                     check_dict, detect_language, library_path, library_version)

__version__ = "0.1.0"

__all__ = ["CyberNERError", "LibraryNotFoundError", "Tagger", "Doc", "Entity", "Sentence",
           "Language", "DictReport", "DictProblem", "LABELS", "EXPECTED_MAJOR",
           "detect_language", "check_dict", "library_version", "library_path"]
