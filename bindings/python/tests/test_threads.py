"""tagger.pipe() runs on several threads, keeps the input order and gives the sequential result."""

import threading
import time

import pytest

import cyberner


def texts_for(seeds):
    extra = ["Réunion à Séoul 🙂 avec la Corée du Sud.", "", "The NSA and GCHQ met in Washington.",
             b"Visite de l'ANSSI \xff au Japon."]
    return [t for _, t in seeds] * 4 + extra * 3


def test_pipe_same_as_sequential(tagger, seeds):
    texts = texts_for(seeds)
    sequential = [tagger(t) for t in texts]
    threaded = list(tagger.pipe(texts, n_threads=4))
    assert threaded == sequential  # same Docs, same order


def test_pipe_takes_any_iterable(tagger):
    gen = ("ANSSI %d" % i for i in range(100))
    docs = list(tagger.pipe(gen, n_threads=4))
    assert [d.text for d in docs] == ["ANSSI %d" % i for i in range(100)]
    assert list(tagger.pipe([], n_threads=4)) == []
    assert [d.text for d in tagger.pipe(["a", "b"], n_threads=1)] == ["a", "b"]


def test_pipe_reports_errors_in_order():
    with cyberner.Tagger(strict_utf8=True) as t:
        it = t.pipe(["ANSSI", b"bad \xff", "ANSSI"], n_threads=2)
        assert next(it).ents[0].text == "ANSSI"
        with pytest.raises(cyberner.CyberNERError):
            next(it)


def test_threads_share_one_tagger(tagger, seeds):
    texts = [t for _, t in seeds]
    expected = [tagger(t).to_dict() for t in texts]
    failures = []

    def work():
        for _ in range(5):
            if [tagger(t).to_dict() for t in texts] != expected:
                failures.append(threading.current_thread().name)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert failures == []


def test_c_call_releases_the_gil(tagger, seeds):
    """While one thread is inside cyberner_tag, another keeps running Python code.

    If the GIL were held during the C call, the main thread would stall for the
    whole call; we check that its longest stall is well under the call's length.
    """
    big = "\n\n".join(t for _, t in seeds) * 30
    start = time.perf_counter()
    tagger(big)
    call = time.perf_counter() - start
    if call < 0.1:
        pytest.skip("tagging took %.3fs: too short to measure" % call)

    # Holding the GIL would stall the main thread for the WHOLE call; a busy
    # machine (or a sanitizer build) stalls it for a while, never for all of it.
    stalls = []
    for _ in range(3):
        worker = threading.Thread(target=tagger, args=(big,))
        stamps = [time.perf_counter()]
        worker.start()
        while worker.is_alive():
            stamps.append(time.perf_counter())
        took = stamps[-1] - stamps[0]
        stalls.append((max(b - a for a, b in zip(stamps, stamps[1:])), took))
        if stalls[-1][0] < 0.9 * took:
            return
    pytest.fail("main thread stalled for the whole C call each time: %s (stall, call) s"
                % ["%.3f/%.3f" % st for st in stalls])
