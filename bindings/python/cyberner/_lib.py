"""Loading libcyberner with ctypes: where to find it, every C signature, errors.

Nothing here is public except through the package's ``__init__``. The rest of
the package calls the C library only through ``lib()``.
"""

import ctypes
import ctypes.util
import glob
import os
import threading
import warnings

# The major version of libcyberner this package is written for
# (CYBERNER_VERSION_MAJOR in cyberner_version.h).
EXPECTED_MAJOR = 0

ENV_VAR = "CYBERNER_LIBRARY"


class LibraryNotFoundError(OSError):
    """libcyberner could not be loaded, or is a version this package does not support."""


class CyberNERError(Exception):
    """An error reported by libcyberner.

    code:    the negative error code (CYBERNER_EDICT is -4, ...)
    name:    its name ("EDICT")
    message: the full message, with its place when it has one
    file:    the dictionary or rule file of the error, or None
    line:    the 1-based line in that file, or None
    offset:  the byte offset in the input of an input error, or None
    """

    def __init__(self, code, message, file=None, line=None, offset=None, name=None):
        super().__init__(message)
        self.code = code
        self.name = name
        self.message = message
        self.file = file
        self.line = line
        self.offset = offset

    def __repr__(self):
        return "CyberNERError(%s, %r)" % (self.name or self.code, self.message)


# ---- Opaque handle types ------------------------------------------------------
# Distinct pointer types, so that ctypes refuses a result where a model is expected.

class _Model(ctypes.Structure):
    pass


class _Options(ctypes.Structure):
    pass


class _Result(ctypes.Structure):
    pass


class _CTagger(ctypes.Structure):
    pass


class _Error(ctypes.Structure):
    pass


class _Report(ctypes.Structure):
    pass


ModelP = ctypes.POINTER(_Model)
OptionsP = ctypes.POINTER(_Options)
ResultP = ctypes.POINTER(_Result)
ErrorP = ctypes.POINTER(_Error)
CTaggerP = ctypes.POINTER(_CTagger)
ReportP = ctypes.POINTER(_Report)
ErrorPP = ctypes.POINTER(ErrorP)

_size = ctypes.c_size_t
_int = ctypes.c_int
_str = ctypes.c_char_p  # as a return type, ctypes copies the C string into bytes at once
_double = ctypes.c_double

# Every function of cyberner.h: name -> (restype, argtypes).
SIGNATURES = {
    # versions
    "cyberner_version": (_str, []),
    "cyberner_version_hex": (ctypes.c_uint, []),
    # error codes and errors
    "cyberner_err_name": (_str, [_int]),
    "cyberner_strerror": (_str, [_int]),
    "cyberner_error_code": (_int, [ErrorP]),
    "cyberner_error_message": (_str, [ErrorP]),
    "cyberner_error_file": (_str, [ErrorP]),
    "cyberner_error_line": (_size, [ErrorP]),
    "cyberner_error_offset": (ctypes.c_int64, [ErrorP]),
    "cyberner_error_free": (None, [ErrorP]),
    # labels and languages
    "cyberner_label_name": (_str, [_int]),
    "cyberner_label_from_name": (_int, [_str]),
    "cyberner_lang_name": (_str, [_int]),
    "cyberner_lang_from_name": (_int, [_str]),
    # model
    "cyberner_model_new": (ModelP, [_str, _str, ErrorPP]),
    "cyberner_model_free": (None, [ModelP]),
    "cyberner_model_entry_count": (_size, [ModelP, _int]),
    "cyberner_model_warning_count": (_size, [ModelP]),
    "cyberner_model_warning": (_str, [ModelP, _size]),
    "cyberner_model_compile_ms": (_double, [ModelP]),
    # dictionary check
    "cyberner_dict_check": (ReportP, [_str, ErrorPP]),
    "cyberner_dict_report_free": (None, [ReportP]),
    "cyberner_dict_report_count": (_size, [ReportP]),
    "cyberner_dict_report_is_error": (_int, [ReportP, _size]),
    "cyberner_dict_report_message": (_str, [ReportP, _size]),
    "cyberner_dict_report_error_count": (_size, [ReportP]),
    "cyberner_dict_report_entry_count": (_size, [ReportP, _int]),
    # options
    "cyberner_options_new": (OptionsP, []),
    "cyberner_options_free": (None, [OptionsP]),
    "cyberner_options_set_lang": (_int, [OptionsP, _int]),
    "cyberner_options_set_ref_date": (_int, [OptionsP, _int, _int, _int]),
    "cyberner_options_set_strict_utf8": (_int, [OptionsP, _int]),
    "cyberner_options_set_labels": (_int, [OptionsP, ctypes.c_uint32]),
    "cyberner_options_set_min_score": (_int, [OptionsP, _double]),
    # tagging (the text is passed as a pointer + length: NUL bytes are fine)
    "cyberner_tag": (ResultP, [ModelP, _str, _size, OptionsP, ErrorPP]),
    "cyberner_result_free": (None, [ResultP]),
    "cyberner_tagger_new": (CTaggerP, [ModelP, ErrorPP]),
    "cyberner_tagger_tag": (ResultP, [CTaggerP, _str, _size, OptionsP, ErrorPP]),
    "cyberner_tagger_free": (None, [CTaggerP]),
    "cyberner_result_lang": (_int, [ResultP]),
    "cyberner_result_lang_confidence": (_double, [ResultP]),
    "cyberner_result_invalid_bytes": (_size, [ResultP]),
    "cyberner_result_count": (_size, [ResultP]),
    "cyberner_entity_start": (_size, [ResultP, _size]),
    "cyberner_entity_end": (_size, [ResultP, _size]),
    "cyberner_entity_label": (_int, [ResultP, _size]),
    "cyberner_entity_id": (_str, [ResultP, _size]),
    "cyberner_entity_value": (_str, [ResultP, _size]),
    "cyberner_entity_source": (_str, [ResultP, _size]),
    "cyberner_entity_score": (_double, [ResultP, _size]),
    "cyberner_entity_lang": (_int, [ResultP, _size]),
    "cyberner_result_sentence_count": (_size, [ResultP]),
    "cyberner_sentence_start": (_size, [ResultP, _size]),
    "cyberner_sentence_end": (_size, [ResultP, _size]),
    "cyberner_sentence_lang": (_int, [ResultP, _size]),
    # language detection alone
    "cyberner_detect_language": (_int, [ModelP, _str, _size, ctypes.POINTER(_double)]),
}


# ---- Finding and loading the library --------------------------------------------

def candidates():
    """The places to try, in order, as (description, path or name) pairs."""
    places = []
    env_path = os.environ.get(ENV_VAR)
    if env_path:
        places.append(("$%s" % ENV_VAR, env_path))
    here = os.path.dirname(os.path.abspath(__file__))
    beside = sorted(glob.glob(os.path.join(here, "libcyberner.so*")))
    if beside:
        places.extend(("next to the package", path) for path in beside)
    else:
        places.append(("next to the package", os.path.join(here, "libcyberner.so*")))
    found = ctypes.util.find_library("cyberner")
    places.append(("ctypes.util.find_library('cyberner')", found))
    return places


def _declare(cdll):
    for name, (restype, argtypes) in SIGNATURES.items():
        func = getattr(cdll, name)  # AttributeError: the library is too old or not ours
        func.restype = restype
        func.argtypes = argtypes


def _check_version(cdll, path):
    version = cdll.cyberner_version().decode("ascii")
    major = int(version.split(".")[0])
    if major != EXPECTED_MAJOR:
        raise LibraryNotFoundError(
            "%s is libcyberner %s; this package needs major version %d"
            % (path, version, EXPECTED_MAJOR))
    return version


def load(places=None):
    """Load the first place that works; raise LibraryNotFoundError listing every try."""
    if places is None:
        places = candidates()
    tried = []
    for description, path in places:
        if not path:
            tried.append("%s: nothing found" % description)
            continue
        if "*" in path:
            tried.append("%s: no file %s" % (description, path))
            continue
        try:
            cdll = ctypes.CDLL(path)  # CDLL, not PyDLL: calls release the GIL
            _declare(cdll)
            version = _check_version(cdll, path)
        except (OSError, AttributeError, ValueError) as e:
            tried.append("%s: %s: %s" % (description, path, e))
            continue
        if tried and places[0][0].startswith("$"):
            warnings.warn("libcyberner: %s did not load (%s); using %s" % (ENV_VAR, tried[0], path))
        cdll.cyberner_path = path
        cdll.cyberner_version_string = version
        return cdll
    raise LibraryNotFoundError(
        "cannot load libcyberner; tried:\n  " + "\n  ".join(tried)
        + "\nSet %s to the full path of libcyberner.so." % ENV_VAR)


_loaded = None
_lock = threading.Lock()


def lib():
    """The loaded library (loaded on first use, then shared)."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = load()
    return _loaded


# ---- Errors -------------------------------------------------------------------

def take_error(err):
    """Turn a cyberner_error * into a CyberNERError and free it."""
    c = lib()
    if not err:
        return CyberNERError(-1, "libcyberner failed without saying why", name="UNKNOWN")
    try:
        code = c.cyberner_error_code(err)
        message = c.cyberner_error_message(err).decode("utf-8", "replace")
        file = c.cyberner_error_file(err)
        line = c.cyberner_error_line(err)
        offset = c.cyberner_error_offset(err)
    finally:
        c.cyberner_error_free(err)
    return CyberNERError(code, message,
                         file=file.decode("utf-8", "surrogateescape") if file is not None else None,
                         line=line or None,
                         offset=offset if offset >= 0 else None,
                         name=c.cyberner_err_name(code).decode("ascii"))


def error_from_code(code, what):
    """A CyberNERError for a function that returned a negative code and no error object."""
    c = lib()
    return CyberNERError(code, "%s: %s" % (what, c.cyberner_strerror(code).decode("utf-8")),
                         name=c.cyberner_err_name(code).decode("ascii"))


def check(code, what):
    if code < 0:
        raise error_from_code(code, what)
    return code
