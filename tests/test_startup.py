"""The start-up's bulk builds run without the cyclic collector (jdmatch.startup)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest

from jdmatch.startup import collector_paused


def test_collector_is_off_inside_and_restored_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: still off, and the inner block does not turn it on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_is_restored_when_the_block_raises():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


_PROBE = r"""
import gc, json, sys
if sys.argv[1] == "owned":
    from jdmatch.startup import keep_builds_out_of_collections
    keep_builds_out_of_collections()
passes = []
gc.callbacks.append(lambda phase, info: phase == "start" and passes.append(info["generation"]))
from jdmatch.recognize.recognizer import SkillRecognizer
passes.clear()  # what importing jdmatch did: not the build
rec = SkillRecognizer()
during = len(passes)  # (len: no allocation the collector counts)
found = [m.id for m in rec.recognize("Python and PostgreSQL on Kubernetes")]
print(json.dumps({"during": during, "frozen": gc.get_freeze_count(), "found": found}))
"""


@pytest.mark.parametrize("mode", ["script", "owned"])
def test_the_recognizer_is_built_without_collection_passes(mode):
    # a fresh process: this one has its recognizer already
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, mode],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    data = json.loads(out.stdout)
    assert data["found"] == ["python", "postgresql", "kubernetes"]
    if mode == "owned":
        # the command line: spaCy's import, the compiled lexicon and the tables are built with no
        # pass, and then leave the collector for good (no pass walks them as young objects after)
        assert data["during"] == 0
        assert data["frozen"] > 50_000
    else:  # a script importing jdmatch keeps its collector as it was
        assert data["frozen"] == 0
