"""Writing output files safely: never a half-written file under the final name."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_output_path(path: str | os.PathLike[str], *, what: str = "output") -> None:
    """Raise :class:`~jdmatch.errors.OutputError` unless ``path`` can be written as a file.

    Called before any work starts, so that a run never ends by losing its result
    to a missing folder or a typo.
    """
    from jdmatch.errors import OutputError

    target = Path(path)
    if target.is_dir():
        raise OutputError(f"the {what} is a folder; give a file name", path=target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise OutputError(f"the folder of the {what} does not exist; create it first", path=target)
    if not folder.is_dir():
        raise OutputError(
            f"{folder} is not a folder, so the {what} cannot be written there", path=target
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"no permission to write in {folder}", path=target)
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(f"the {what} exists and is not writable", path=target)
