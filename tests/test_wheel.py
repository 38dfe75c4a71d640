"""The built wheel works on its own: console script, lexicon inside the package, samples read."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        timeout=300,
    )
    (wheel,) = dist.glob("jdmatch-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "jdmatch/lexicon/lexicon.toml" in names
    assert "jdmatch/py.typed" in names
    assert {"jdmatch/report_html/report.css", "jdmatch/report_html/report.js"} <= set(names)

    # A fresh environment: jdmatch only from the wheel; its dependencies are borrowed
    # from this one (a .pth file) so the test needs no network.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    bindir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    env_python = bindir / "python"
    site = subprocess.run(
        [str(env_python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(site) / "_borrowed_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(env_python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
        timeout=300,
    )

    version = subprocess.run(
        [str(bindir / "jdmatch"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.returncode == 0 and version.stdout.startswith("jdmatch ")

    where = subprocess.run(
        [
            str(env_python),
            "-c",
            "import jdmatch, jdmatch.lexicon as l; print(jdmatch.__file__); print(l.default_lexicon_dir())",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=tmp_path,
    ).stdout.splitlines()
    assert where[0].startswith(site), "jdmatch must come from the wheel, not the checkout"
    assert where[1].startswith(site) and where[1].endswith("lexicon")

    sample = ROOT / "samples" / "resumes" / "senior-backend-java.pdf"
    text = subprocess.run(
        [str(bindir / "jdmatch"), "text", str(sample)], capture_output=True, text=True, timeout=120
    )
    assert text.returncode == 0, text.stderr
    assert "Spring Boot" in text.stdout
