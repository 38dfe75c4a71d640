"""Building many long-lived objects at once without the garbage collector's full passes.

Loading the compiled lexicon and building the recognizer make a few hundred thousand
objects that live as long as the process: entries, pattern tuples, lookup tables.
CPython's cyclic collector counts allocations and now and then walks every tracked
object of the process; with spaCy imported one such full pass takes 50-65 ms, and a
cold ``jdmatch score`` made two of them only because of these objects (a third of what
jdmatch added to spaCy's own start). Nothing built there forms a reference cycle worth
collecting, so the collector waits until the build is done.

Paused is not enough on its own: once the collector runs again, its next passes walk
every object the build made, as young objects first. A program that owns its process
(the command line, a batch or server worker) calls :func:`keep_builds_out_of_collections`,
and each build then ends with ``gc.freeze()``: what exists at that moment moves to the
collector's permanent generation and is never walked again (reference counting still
frees it). A script that imports jdmatch keeps its collector as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_FREEZE = False


def keep_builds_out_of_collections() -> None:
    """From now on, end each :func:`collector_paused` block with ``gc.freeze()`` (for a program owning its process)."""
    global _FREEZE
    _FREEZE = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, then restore it (nested use is fine)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if _FREEZE:
            gc.freeze()
        gc.enable()
